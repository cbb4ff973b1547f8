import type { Point } from './face-box';

/** Head rotation in degrees. yaw: left/right turn, pitch: up/down nod, roll: in-plane tilt. */
export interface HeadPose {
  yaw: number;
  pitch: number;
  roll: number;
}

/**
 * A generic 3D face (x right, y up, z towards the camera, nose tip at the origin) at six of the
 * 68 landmarks: nose tip 30, chin 8, outer eye corners 36 and 45, mouth corners 48 and 54.
 * Values from the widely used learnopencv head-pose example; only their proportions matter.
 */
const MODEL_POINTS: ReadonlyArray<readonly [number, number, number, number]> = [
  [30, 0, 0, 0],
  [8, 0, -330, -65],
  [36, -225, 170, -135],
  [45, 225, 170, -135],
  [48, -150, -150, -125],
  [54, 150, -150, -125],
];

/**
 * Pose from 68 landmarks by a scaled-orthographic fit (the POS step of POSIT): least squares for
 * the 2x3 projection of the model onto the image, then its rows made orthonormal. A selfie is
 * taken at arm's length, where perspective is weak, so this needs no camera intrinsics.
 * Returns undefined when the landmarks are degenerate.
 */
export function estimateHeadPose(landmarks: readonly Point[]): HeadPose | undefined {
  const model: number[][] = [], image: number[][] = [];
  for (const [index, x, y, z] of MODEL_POINTS) {
    const p = landmarks[index];
    if (!p) return undefined;
    model.push([x, y, z]);
    image.push([p.x, -p.y]); // image y points down; the model's y points up
  }
  const mc = centroid(model), ic = centroid(image);
  const P = model.map((m) => m.map((v, k) => v - (mc[k] ?? 0)));
  const ata = [0, 1, 2].map((r) => [0, 1, 2].map((c) => P.reduce((s, p) => s + (p[r] ?? 0) * (p[c] ?? 0), 0)));
  const inv = invert3(ata);
  if (!inv) return undefined;
  const rows = [0, 1].map((axis) => {
    const atb = [0, 1, 2].map((r) => P.reduce((s, p, i) => s + (p[r] ?? 0) * ((image[i]?.[axis] ?? 0) - (ic[axis] ?? 0)), 0));
    return [0, 1, 2].map((r) => [0, 1, 2].reduce((s, c) => s + (inv[r]?.[c] ?? 0) * (atb[c] ?? 0), 0));
  });
  const r1 = normalise(rows[0] ?? []);
  const raw2 = rows[1] ?? [];
  const d = dot(r1, raw2);
  const r2 = normalise(raw2.map((v, k) => v - d * (r1[k] ?? 0)));
  const r3 = cross(r1, r2);
  if (![...r1, ...r2, ...r3].every(Number.isFinite)) return undefined;
  const deg = 180 / Math.PI;
  const [r00 = 0] = r1, [r10 = 0] = r2, [r20 = 0, r21 = 0, r22 = 0] = r3;
  return {
    yaw: round1(Math.asin(Math.max(-1, Math.min(1, -r20))) * deg),
    pitch: round1(Math.atan2(r21, r22) * deg),
    roll: round1(Math.atan2(r10, r00) * deg),
  };
}

function centroid(points: number[][]): number[] {
  const dims = points[0]?.length ?? 0;
  return Array.from({ length: dims }, (_, k) => points.reduce((s, p) => s + (p[k] ?? 0), 0) / points.length);
}

function invert3(m: number[][]): number[][] | undefined {
  const g = (r: number, c: number): number => m[r]?.[c] ?? 0;
  const cof = [
    [g(1, 1) * g(2, 2) - g(1, 2) * g(2, 1), g(0, 2) * g(2, 1) - g(0, 1) * g(2, 2), g(0, 1) * g(1, 2) - g(0, 2) * g(1, 1)],
    [g(1, 2) * g(2, 0) - g(1, 0) * g(2, 2), g(0, 0) * g(2, 2) - g(0, 2) * g(2, 0), g(0, 2) * g(1, 0) - g(0, 0) * g(1, 2)],
    [g(1, 0) * g(2, 1) - g(1, 1) * g(2, 0), g(0, 1) * g(2, 0) - g(0, 0) * g(2, 1), g(0, 0) * g(1, 1) - g(0, 1) * g(1, 0)],
  ];
  const det = g(0, 0) * (cof[0]?.[0] ?? 0) + g(0, 1) * (cof[1]?.[0] ?? 0) + g(0, 2) * (cof[2]?.[0] ?? 0);
  if (Math.abs(det) < 1e-9) return undefined;
  return cof.map((row) => row.map((v) => v / det));
}

function dot(a: number[], b: number[]): number {
  return a.reduce((s, v, k) => s + v * (b[k] ?? 0), 0);
}

function normalise(v: number[]): number[] {
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

function cross(a: number[], b: number[]): number[] {
  const [a0 = 0, a1 = 0, a2 = 0] = a, [b0 = 0, b1 = 0, b2 = 0] = b;
  return [a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0];
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
