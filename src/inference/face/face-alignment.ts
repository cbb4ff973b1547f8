import type { Point } from './face-box';
import type { RgbaBitmap } from './rgba-bitmap';
import type { TensorLayout } from './tensor-layout';

/**
 * The standard ArcFace 112x112 template: left eye, right eye, nose tip, left and right mouth
 * corner (image left/right). Embedding models of the InsightFace family, fr_feature included,
 * were trained on faces warped onto these points.
 */
export const ARCFACE_TEMPLATE_112: readonly Point[] = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

/** The five alignment points from 68 iBUG landmarks: eye centres (36-41, 42-47), nose tip (30), mouth corners (48, 54). */
export function fivePointsFrom68(points: readonly Point[]): Point[] {
  if (points.length < 68) throw new Error(`need 68 landmarks, got ${points.length}`);
  const mean = (from: number, to: number): Point => {
    let x = 0, y = 0;
    for (let i = from; i <= to; i++) {
      x += points[i]!.x;
      y += points[i]!.y;
    }
    return { x: x / (to - from + 1), y: y / (to - from + 1) };
  };
  return [mean(36, 41), mean(42, 47), points[30]!, points[48]!, points[54]!];
}

/** x' = a x - b y + tx, y' = b x + a y + ty: rotation, uniform scale and translation. */
export interface Similarity {
  a: number;
  b: number;
  tx: number;
  ty: number;
}

/** Least-squares similarity transform taking `src` onto `dst` (Umeyama, without reflection). */
export function estimateSimilarity(src: readonly Point[], dst: readonly Point[]): Similarity {
  const n = Math.min(src.length, dst.length);
  let sx = 0, sy = 0, dx = 0, dy = 0;
  for (let i = 0; i < n; i++) {
    sx += src[i]!.x; sy += src[i]!.y; dx += dst[i]!.x; dy += dst[i]!.y;
  }
  sx /= n; sy /= n; dx /= n; dy /= n;
  let num1 = 0, num2 = 0, den = 0;
  for (let i = 0; i < n; i++) {
    const x = src[i]!.x - sx, y = src[i]!.y - sy, u = dst[i]!.x - dx, v = dst[i]!.y - dy;
    num1 += x * u + y * v;
    num2 += x * v - y * u;
    den += x * x + y * y;
  }
  const a = den > 0 ? num1 / den : 1;
  const b = den > 0 ? num2 / den : 0;
  return { a, b, tx: dx - (a * sx - b * sy), ty: dy - (b * sx + a * sy) };
}

/**
 * Warps the face onto the template (inverse mapping, bilinear, black outside the image) into a
 * planar [1, 3, size, size] tensor with the model's channel order and normalisation.
 */
export function alignedFaceTensor(image: RgbaBitmap, fivePoints: readonly Point[], layout: TensorLayout, size = 112): Float32Array {
  const t = estimateSimilarity(fivePoints, ARCFACE_TEMPLATE_112.map((p) => ({ x: (p.x * size) / 112, y: (p.y * size) / 112 })));
  const det = t.a * t.a + t.b * t.b;
  // Inverse of [[a, -b], [b, a]] is [[a, b], [-b, a]] / det.
  const ia = t.a / det, ib = t.b / det;
  const plane = size * size;
  const out = new Float32Array(plane * 3);
  const order = layout.channelOrder === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  const { width, height, data } = image;
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      const px = u + 0.5 - t.tx, py = v + 0.5 - t.ty;
      const x = ia * px + ib * py - 0.5;
      const y = -ib * px + ia * py - 0.5;
      const x0 = Math.floor(x), y0 = Math.floor(y), fx = x - x0, fy = y - y0;
      for (let c = 0; c < 3; c++) {
        const channel = order[c]!;
        const sample = (xx: number, yy: number): number => (xx < 0 || yy < 0 || xx >= width || yy >= height ? 0 : data[(yy * width + xx) * 4 + channel]!);
        const value =
          sample(x0, y0) * (1 - fx) * (1 - fy) + sample(x0 + 1, y0) * fx * (1 - fy) + sample(x0, y0 + 1) * (1 - fx) * fy + sample(x0 + 1, y0 + 1) * fx * fy;
        out[c * plane + v * size + u] = (value - (layout.mean[c] ?? 0)) / (layout.std[c] ?? 1);
      }
    }
  }
  return out;
}
