import type * as ort from 'onnxruntime-node';
import type { FaceBox, Point } from './face-box';
import { scaledFaceCrop } from './face-crop';
import { outputData, runSingleInput } from './onnx-session-cache';
import type { RgbaBitmap } from './rgba-bitmap';
import { sampleToTensor } from './tensor-sampler';

const INPUT = 64;
/** Grey values / 256, as faceplugin's fr_landmark.js feeds the model. */
const LAYOUT = { channelOrder: 'gray', mean: [0], std: [256] } as const;

/**
 * 68-point landmarks (iBUG 300-W order: 0-16 jaw, 17-26 brows, 27-35 nose, 36-47 eyes,
 * 48-67 mouth) from faceplugin's fr_landmark.onnx: input the squared face box, 64x64 grey;
 * output 136 values, x and y normalised to that box.
 */
export async function predictLandmarks68(session: ort.InferenceSession, image: RgbaBitmap, box: FaceBox): Promise<Point[]> {
  const { region } = scaledFaceCrop(box, image.width, image.height, 1, true);
  const tensor = sampleToTensor(image, region, INPUT, INPUT, LAYOUT);
  const out = outputData(await runSingleInput(session, tensor, [1, 1, INPUT, INPUT]), 'output');
  const points: Point[] = [];
  for (let i = 0; i + 1 < out.length; i += 2) {
    points.push({ x: region.x + (out[i] ?? 0) * region.width, y: region.y + (out[i + 1] ?? 0) * region.height });
  }
  return points;
}

/**
 * Size of the face itself (bounding box of the 68 points: ear to ear, brow to chin). Unlike the
 * detector box it does not depend on how a given detector draws its boxes (measured: YuNet and
 * fr_detect boxes differ by up to 10 %, their landmark extents by 1-4 %).
 */
export function landmarkExtent(points: readonly Point[]): { width: number; height: number } {
  if (points.length === 0) return { width: 0, height: 0 };
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}
