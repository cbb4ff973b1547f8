import { existsSync } from 'fs';
import * as path from 'path';
import pins from './builtin-models.json';
import { fileSha256 } from './file-sha256';
import type { DetectorManifest, LivenessManifest, LoadedModel } from './model-manifest';
import { ModelSetupError } from './model-setup-error';

const FACEPLUGIN = `${pins.package}@${pins.version}, ${pins.licence}`;

/** faceplugin's fr_detect: UltraFace-style; BGR planes in (p - 127) / 128, as faceplugin's JS ends up feeding it. */
const DETECTOR: Omit<DetectorManifest, 'sha256'> = {
  id: 'faceplugin-fr-detect',
  version: pins.version,
  role: 'detector',
  input: { width: 320, height: 240 },
  channelOrder: 'bgr',
  normalisation: { mean: [127, 127, 127], std: [128, 128, 128] },
  decoder: 'ultraface',
  scoreThreshold: 0.65,
  priority: 1,
  source: FACEPLUGIN,
  licence: pins.licence,
};

/** faceplugin's fr_liveness: raw RGB 128x128 of the squared box x2.7; softmax index 0 = live. */
const LIVENESS: Omit<LivenessManifest, 'sha256'> = {
  id: 'faceplugin-fr-liveness',
  version: pins.version,
  role: 'liveness',
  input: { width: 128, height: 128 },
  channelOrder: 'rgb',
  normalisation: { mean: [0, 0, 0], std: [1, 1, 1] },
  cropScale: 2.7,
  squareBox: true,
  liveIndex: 0,
  weight: 1,
  calibration: { review: 0.5, success: 0.85 },
  source: FACEPLUGIN,
  licence: pins.licence,
};

export interface BuiltinModels {
  detector: LoadedModel<DetectorManifest>;
  liveness: LoadedModel<LivenessManifest>;
  /** fr_landmark.onnx: 68 points (see face-landmarks.ts). */
  landmarksPath: string;
  /** fr_feature.onnx: 512-d face embedding, input [1,3,112,112] (for face matching). */
  embeddingPath: string;
}

/**
 * Checks every pinned file in `dir` against its sha256 and describes the models. A missing or
 * altered file stops boot: scoring with a different model than the one measured would give
 * scores that mean something else.
 */
export async function loadBuiltinModels(dir: string): Promise<BuiltinModels> {
  const paths = new Map<string, string>();
  for (const pin of pins.files) {
    const file = path.join(dir, pin.file);
    const fix = `run \`node scripts/install-models.cjs\` (it runs on \`npm ci\`) to extract it from ${pins.package}@${pins.version}`;
    if (!existsSync(file)) throw new ModelSetupError(`builtin model file missing: ${file}; ${fix}`);
    const sha = await fileSha256(file);
    if (sha !== pin.sha256) throw new ModelSetupError(`builtin model file altered: ${file} has sha256 ${sha}, expected ${pin.sha256}; ${fix}`);
    paths.set(pin.file, file);
  }
  const at = (name: string): string => {
    const p = paths.get(name);
    if (!p) throw new ModelSetupError(`builtin-models.json does not pin ${name}`);
    return p;
  };
  const sha = (name: string): string => pins.files.find((f) => f.file === name)?.sha256 ?? '';
  return {
    detector: { manifest: { ...DETECTOR, sha256: sha('fr_detect.onnx') }, path: at('fr_detect.onnx'), manifestSource: 'builtin' },
    liveness: { manifest: { ...LIVENESS, sha256: sha('fr_liveness.onnx') }, path: at('fr_liveness.onnx'), manifestSource: 'builtin' },
    landmarksPath: at('fr_landmark.onnx'),
    embeddingPath: at('fr_feature.onnx'),
  };
}
