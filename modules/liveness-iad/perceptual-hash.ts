import type { DecodedImage } from '../../src/inference/image-decoder';

const SIDE = 32;
const KEEP = 8;

/**
 * The classic DCT perceptual hash (pHash): grey 32x32 (box-averaged, so any frame size works),
 * 2-D DCT-II, the 8x8 lowest frequencies without the DC term compared with their median -> 64
 * bits as 16 hex digits. Re-encoding, rescaling and small brightness changes move few bits;
 * another scene moves about half of them.
 */
export function perceptualHash(image: DecodedImage): string {
  const grey = boxGrey(image);
  const coefficients: number[] = [];
  const cos = cosineTable();
  for (let u = 0; u < KEEP; u++) {
    for (let v = 0; v < KEEP; v++) {
      let sum = 0;
      for (let y = 0; y < SIDE; y++) {
        const cy = cos[v * SIDE + y] ?? 0;
        for (let x = 0; x < SIDE; x++) sum += (grey[y * SIDE + x] ?? 0) * (cos[u * SIDE + x] ?? 0) * cy;
      }
      coefficients.push(sum);
    }
  }
  const ac = coefficients.slice(1);
  const median = [...ac].sort((a, b) => a - b)[Math.floor(ac.length / 2)] ?? 0;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++) {
      // Bit 0 (the DC term) is always 0: 63 informative bits, the usual pHash layout.
      const i = nibble * 4 + bit;
      value = (value << 1) | (i > 0 && (coefficients[i] ?? 0) > median ? 1 : 0);
    }
    hex += value.toString(16);
  }
  return hex;
}

function boxGrey(image: DecodedImage): Float64Array {
  const sums = new Float64Array(SIDE * SIDE);
  const counts = new Float64Array(SIDE * SIDE);
  const { width, height, data } = image;
  for (let y = 0; y < height; y++) {
    const gy = Math.min(SIDE - 1, Math.floor((y * SIDE) / height));
    for (let x = 0; x < width; x++) {
      const gx = Math.min(SIDE - 1, Math.floor((x * SIDE) / width));
      const p = (y * width + x) * 4;
      // BT.601 luma.
      const cell = gy * SIDE + gx;
      sums[cell] = (sums[cell] ?? 0) + 0.299 * (data[p] ?? 0) + 0.587 * (data[p + 1] ?? 0) + 0.114 * (data[p + 2] ?? 0);
      counts[cell] = (counts[cell] ?? 0) + 1;
    }
  }
  for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] ?? 0) / Math.max(1, counts[i] ?? 1);
  return sums;
}

let table: Float64Array | undefined;
function cosineTable(): Float64Array {
  if (table) return table;
  table = new Float64Array(KEEP * SIDE);
  for (let u = 0; u < KEEP; u++) for (let x = 0; x < SIDE; x++) table[u * SIDE + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIDE));
  return table;
}
