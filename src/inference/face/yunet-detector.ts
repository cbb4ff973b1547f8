import type * as ort from 'onnxruntime-node';
import type { FaceBox, Point } from './face-box';
import type { FaceDetector } from './face-detector';
import { DetectorManifest, layoutOf } from './model-manifest';
import { nonMaxSuppression } from './non-max-suppression';
import { outputData, runSingleInput } from './onnx-session-cache';
import type { RgbaBitmap } from './rgba-bitmap';
import { sampleToTensor } from './tensor-sampler';

const STRIDES = [8, 16, 32] as const;
const NMS_IOU = 0.3;

/**
 * YuNet (OpenCV zoo, 2023mar output format): per stride, cls/obj/bbox/kps for every grid cell.
 * The image is letterboxed (aspect kept, padded right/bottom with black) into the manifest's
 * input size, which must be a multiple of 32; decoding follows OpenCV's FaceDetectorYN:
 * score = sqrt(cls * obj), centre = (cell + bbox[0:2]) * stride, size = exp(bbox[2:4]) * stride.
 */
export class YunetDetector implements FaceDetector {
  readonly id: string;

  constructor(
    private readonly session: ort.InferenceSession,
    private readonly manifest: DetectorManifest,
  ) {
    this.id = manifest.id;
  }

  async detect(image: RgbaBitmap): Promise<FaceBox[]> {
    const { width, height } = this.manifest.input;
    const scale = Math.min(width / image.width, height / image.height);
    const outW = Math.max(1, Math.round(image.width * scale));
    const outH = Math.max(1, Math.round(image.height * scale));
    const full = { x: 0, y: 0, width: image.width, height: image.height };
    const tensor = sampleToTensor(image, full, outW, outH, layoutOf(this.manifest), { width, height });
    const outputs = await runSingleInput(this.session, tensor, [1, 3, height, width]);
    const found: FaceBox[] = [];
    for (const stride of STRIDES) {
      const cls = outputData(outputs, `cls_${stride}`);
      const obj = outputData(outputs, `obj_${stride}`);
      const bbox = outputData(outputs, `bbox_${stride}`);
      const kps = outputData(outputs, `kps_${stride}`);
      const cols = width / stride;
      for (let i = 0; i < cls.length; i++) {
        const score = Math.sqrt(clamp01(cls[i] ?? 0) * clamp01(obj[i] ?? 0));
        if (score < this.manifest.scoreThreshold) continue;
        const col = i % cols, row = Math.floor(i / cols);
        const cx = (col + (bbox[i * 4] ?? 0)) * stride;
        const cy = (row + (bbox[i * 4 + 1] ?? 0)) * stride;
        const w = Math.exp(bbox[i * 4 + 2] ?? 0) * stride;
        const h = Math.exp(bbox[i * 4 + 3] ?? 0) * stride;
        const keypoints: Point[] = [];
        for (let k = 0; k < 5; k++) {
          keypoints.push({ x: (col + (kps[i * 10 + 2 * k] ?? 0)) * stride / scale, y: (row + (kps[i * 10 + 2 * k + 1] ?? 0)) * stride / scale });
        }
        // Not clamped to the image: a box reaching outside it is how a cut-off face shows.
        found.push({
          x1: (cx - w / 2) / scale,
          y1: (cy - h / 2) / scale,
          x2: (cx + w / 2) / scale,
          y2: (cy + h / 2) / scale,
          score,
          keypoints,
        });
      }
    }
    return nonMaxSuppression(found, NMS_IOU);
  }
}

function clamp01(v: number): number {
  return Math.min(Math.max(v, 0), 1);
}
