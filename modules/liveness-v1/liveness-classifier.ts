import type * as ort from 'onnxruntime-node';
import type { FaceBox } from '../../src/inference/face/face-box';
import { FaceCrop, scaledFaceCrop } from '../../src/inference/face/face-crop';
import { LivenessManifest, LoadedModel, layoutOf } from '../../src/inference/face/model-manifest';
import { loadSession, outputData, runSingleInput } from '../../src/inference/face/onnx-session-cache';
import type { RgbaBitmap } from '../../src/inference/face/rgba-bitmap';
import { sampleToTensor } from '../../src/inference/face/tensor-sampler';
import { DEFAULT_CALIBRATION, ScoreCalibration } from './score-calibration';

/** One liveness model, ready to score face crops: its session, manifest and fusion weight. */
export class LivenessClassifier {
  private constructor(
    readonly model: LoadedModel<LivenessManifest>,
    private readonly session: ort.InferenceSession,
  ) {}

  static async load(model: LoadedModel<LivenessManifest>): Promise<LivenessClassifier> {
    return new LivenessClassifier(model, await loadSession(model.path));
  }

  get weight(): number {
    return this.model.manifest.weight ?? 1;
  }

  get calibration(): ScoreCalibration {
    return this.model.manifest.calibration ?? DEFAULT_CALIBRATION;
  }

  /** The model's crop of the face and its input tensor (split from `classify` so they can be timed apart). */
  prepare(image: RgbaBitmap, box: FaceBox): { crop: FaceCrop; tensor: Float32Array } {
    const m = this.model.manifest;
    const crop = scaledFaceCrop(box, image.width, image.height, m.cropScale, m.squareBox ?? true);
    return { crop, tensor: sampleToTensor(image, crop.region, m.input.width, m.input.height, layoutOf(m)) };
  }

  /** Live probability: softmax of the first output (read as logits), at the manifest's live index. */
  async classify(tensor: Float32Array): Promise<number> {
    const { width, height } = this.model.manifest.input;
    const outputs = await runSingleInput(this.session, tensor, [1, 3, height, width]);
    const name = this.session.outputNames[0];
    if (name === undefined) throw new Error(`${this.model.manifest.id} declares no output`);
    const logits = outputData(outputs, name);
    const max = Math.max(...logits);
    const exps = Array.from(logits, (v) => Math.exp(v - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    return (exps[this.model.manifest.liveIndex] ?? 0) / sum;
  }
}
