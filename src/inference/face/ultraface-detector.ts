import type * as ort from 'onnxruntime-node';
import type { FaceBox } from './face-box';
import type { FaceDetector } from './face-detector';
import { DetectorManifest, layoutOf } from './model-manifest';
import { nonMaxSuppression } from './non-max-suppression';
import { outputData, runSingleInput } from './onnx-session-cache';
import type { RgbaBitmap } from './rgba-bitmap';
import { sampleToTensor } from './tensor-sampler';

const NMS_IOU = 0.4;

/**
 * UltraFace-style detector (faceplugin's fr_detect.onnx, input [1,3,240,320]). Its `boxes`
 * output is already decoded: normalised corners (x1, y1, x2, y2) per anchor, so no prior boxes
 * are needed (faceplugin's own JS decodes priors, then ignores the result and scales `boxes`).
 * Face score = scores[:, 1]. The image is stretched to the input size, as faceplugin does.
 */
export class UltrafaceDetector implements FaceDetector {
  readonly id: string;

  constructor(
    private readonly session: ort.InferenceSession,
    private readonly manifest: DetectorManifest,
  ) {
    this.id = manifest.id;
  }

  async detect(image: RgbaBitmap): Promise<FaceBox[]> {
    const { width, height } = this.manifest.input;
    const full = { x: 0, y: 0, width: image.width, height: image.height };
    const tensor = sampleToTensor(image, full, width, height, layoutOf(this.manifest));
    const outputs = await runSingleInput(this.session, tensor, [1, 3, height, width]);
    const scores = outputData(outputs, 'scores');
    const boxes = outputData(outputs, 'boxes');
    const found: FaceBox[] = [];
    const count = scores.length / 2;
    for (let i = 0; i < count; i++) {
      const score = scores[i * 2 + 1] ?? 0;
      if (score < this.manifest.scoreThreshold) continue;
      // Not clamped to the image: a box reaching outside it is how a cut-off face shows.
      const x1 = (boxes[i * 4] ?? 0) * image.width;
      const y1 = (boxes[i * 4 + 1] ?? 0) * image.height;
      const x2 = (boxes[i * 4 + 2] ?? 0) * image.width;
      const y2 = (boxes[i * 4 + 3] ?? 0) * image.height;
      if (x2 > x1 && y2 > y1) found.push({ x1, y1, x2, y2, score });
    }
    return nonMaxSuppression(found, NMS_IOU);
  }
}
