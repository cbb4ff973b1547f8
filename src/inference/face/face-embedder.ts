import type * as ort from 'onnxruntime-node';
import { alignedFaceTensor } from './face-alignment';
import type { Point } from './face-box';
import { loadSession, outputData, runSingleInput } from './onnx-session-cache';
import type { RgbaBitmap } from './rgba-bitmap';
import type { TensorLayout } from './tensor-layout';

/** fr_feature.onnx: [1,3,112,112] RGB, (pixel - 127) / 128, on a face aligned to the ArcFace template. */
export const FR_FEATURE_LAYOUT: TensorLayout = { channelOrder: 'rgb', mean: [127, 127, 127], std: [128, 128, 128] };

/** A face embedding model: an L2-normalised vector per aligned face; compare with a dot product. */
export class FaceEmbedder {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly layout: TensorLayout,
  ) {}

  static async load(modelPath: string, layout: TensorLayout = FR_FEATURE_LAYOUT): Promise<FaceEmbedder> {
    return new FaceEmbedder(await loadSession(modelPath), layout);
  }

  async embed(image: RgbaBitmap, fivePoints: readonly Point[]): Promise<Float32Array> {
    const tensor = alignedFaceTensor(image, fivePoints, this.layout);
    const raw = outputData(await runSingleInput(this.session, tensor, [1, 3, 112, 112]), 'output');
    return l2Normalised(raw);
  }
}

export function l2Normalised(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum) || 1;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! / norm;
  return out;
}

/** Cosine similarity of two L2-normalised vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot;
}
