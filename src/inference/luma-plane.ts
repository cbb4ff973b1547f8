import type { DecodedImage } from './image-decoder';

/** A single-channel luma (BT.601) plane, box-downscaled so measurements do not depend on resolution. */
export interface LumaPlane {
  width: number;
  height: number;
  data: Float32Array;
}

/**
 * Box-averages the RGBA image to at most `maxSide` on its long side while converting to luma.
 * Done by hand because jimp's resize allocates a full RGBA copy and is several times slower.
 */
export function lumaPlane(image: DecodedImage, maxSide: number): LumaPlane {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / maxSide));
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = new Float32Array(width * height);
  const src = image.data;
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        let p = ((y * factor + dy) * image.width + x * factor) * 4;
        for (let dx = 0; dx < factor; dx++, p += 4) sum += 0.299 * (src[p] ?? 0) + 0.587 * (src[p + 1] ?? 0) + 0.114 * (src[p + 2] ?? 0);
      }
      out[y * width + x] = sum / area;
    }
  }
  return { width, height, data: out };
}

/** Mean luma, 0-255. */
export function meanLuma(plane: LumaPlane): number {
  let sum = 0;
  for (const v of plane.data) sum += v;
  return plane.data.length === 0 ? 0 : sum / plane.data.length;
}

/** Standard deviation of luma: a global contrast measure. */
export function lumaStdDev(plane: LumaPlane, mean: number): number {
  let sum = 0;
  for (const v of plane.data) sum += (v - mean) * (v - mean);
  return plane.data.length === 0 ? 0 : Math.sqrt(sum / plane.data.length);
}

/** Variance of the 4-neighbour Laplacian: the usual focus measure (low = blurry). */
export function laplacianVariance(plane: LumaPlane): number {
  const { width, height, data } = plane;
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = (data[i - 1] ?? 0) + (data[i + 1] ?? 0) + (data[i - width] ?? 0) + (data[i + width] ?? 0) - 4 * (data[i] ?? 0);
      sum += lap;
      sumSq += lap * lap;
      n += 1;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}
