import type { RgbaBitmap } from './rgba-bitmap';

export interface DownscaledBitmap {
  bitmap: RgbaBitmap;
  /** original size / downscaled size; 1 when the image was already small enough. */
  factor: number;
}

/**
 * Shrinks an image so its longer side is at most `maxSide`, averaging whole blocks of pixels
 * (an integer box filter). Why: phone photos (12 MP) would otherwise be sampled point-wise by the
 * detector resize and the crops, which aliases; and one cheap pass here makes every later step
 * cost the same whatever the camera. Integer factors keep it a single read of each source pixel.
 */
export function downscaleToMaxSide(image: RgbaBitmap, maxSide: number): DownscaledBitmap {
  const k = Math.ceil(Math.max(image.width, image.height) / maxSide);
  if (k <= 1) return { bitmap: image, factor: 1 };
  const width = Math.floor(image.width / k), height = Math.floor(image.height / k);
  const out = new Uint8Array(width * height * 4);
  const sums = new Uint32Array(width * 4);
  const src = image.data;
  const norm = 1 / (k * k);
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      let p = ((y * k + dy) * image.width) * 4;
      for (let x = 0; x < width; x++) {
        const q = x * 4;
        let r = 0, g = 0, b = 0;
        for (let dx = 0; dx < k; dx++, p += 4) {
          // Non-null assertions: p stays inside the source row by construction (x*k+dx < width*k).
          r += src[p]!;
          g += src[p + 1]!;
          b += src[p + 2]!;
        }
        sums[q] = sums[q]! + r;
        sums[q + 1] = sums[q + 1]! + g;
        sums[q + 2] = sums[q + 2]! + b;
      }
    }
    const row = y * width * 4;
    for (let i = 0; i < width * 4; i += 4) {
      out[row + i] = Math.round(sums[i]! * norm);
      out[row + i + 1] = Math.round(sums[i + 1]! * norm);
      out[row + i + 2] = Math.round(sums[i + 2]! * norm);
      out[row + i + 3] = 255;
    }
  }
  return { bitmap: { width, height, data: out }, factor: k };
}
