import type { TensorLayout } from './tensor-layout';

/** Decoders this code knows; a detector's outputs are meaningless without the matching one. */
export type DetectorDecoder = 'ultraface' | 'yunet';

interface ManifestBase {
  /** Stable id reported with every score (e.g. `minifasnet-v2-2.7`). */
  id: string;
  version: string;
  /** sha256 of the .onnx file, lower-case hex; checked when the model is loaded. */
  sha256: string;
  /** Input size in pixels. */
  input: { width: number; height: number };
  channelOrder: TensorLayout['channelOrder'];
  /** value = (pixel - mean) / std on raw 0-255 pixels, per channel. */
  normalisation: { mean: number[]; std: number[] };
  source?: string;
  licence?: string;
}

/** A face detector model. Operators see this as `<file>.model.json` (schemas/model-manifest.schema.json). */
export interface DetectorManifest extends ManifestBase {
  role: 'detector';
  decoder: DetectorDecoder;
  /** Faces scoring below this are dropped. */
  scoreThreshold: number;
  /** Larger is preferred when several detectors are present (set from measurement for known models). */
  priority?: number;
}

/** A liveness classifier on a face crop. */
export interface LivenessManifest extends ManifestBase {
  role: 'liveness';
  /** The crop is the face box (squared when `squareBox`) times this, shifted to stay inside the image. */
  cropScale: number;
  /** Default true. */
  squareBox?: boolean;
  /** Which softmax output means "live". */
  liveIndex: number;
  /** Weight in the fused live probability (normalised over the models present); default 1. */
  weight?: number;
  /** Live probabilities that map to score 60 and 75; default { review: 0.5, success: 0.75 }. */
  calibration?: { review: number; success: number };
}

export type ModelManifest = DetectorManifest | LivenessManifest;

/** A manifest bound to the file it describes, after its sha256 was checked. */
export interface LoadedModel<M extends ModelManifest = ModelManifest> {
  manifest: M;
  path: string;
  /** Where the manifest came from, for the boot log. */
  manifestSource: 'file' | 'known-model table' | 'builtin';
}

export function layoutOf(manifest: ModelManifest): TensorLayout {
  return { channelOrder: manifest.channelOrder, mean: manifest.normalisation.mean, std: manifest.normalisation.std };
}
