import type * as ort from 'onnxruntime-node';
import type { FaceDetector } from './face-detector';
import type { DetectorDecoder, DetectorManifest, LoadedModel } from './model-manifest';
import { loadSession } from './onnx-session-cache';
import { UltrafaceDetector } from './ultraface-detector';
import { YunetDetector } from './yunet-detector';

const DECODERS: Record<DetectorDecoder, new (session: ort.InferenceSession, manifest: DetectorManifest) => FaceDetector> = {
  ultraface: UltrafaceDetector,
  yunet: YunetDetector,
};

/** A detector for a loaded model, with its session from this thread's cache. */
export async function createDetector(model: LoadedModel<DetectorManifest>): Promise<FaceDetector> {
  return new DECODERS[model.manifest.decoder](await loadSession(model.path), model.manifest);
}

/** The detector to use among those present: highest manifest priority (set from measurement), then id. */
export function preferredDetector(models: LoadedModel<DetectorManifest>[]): LoadedModel<DetectorManifest> | undefined {
  return [...models].sort((a, b) => (b.manifest.priority ?? 0) - (a.manifest.priority ?? 0) || a.manifest.id.localeCompare(b.manifest.id))[0];
}
