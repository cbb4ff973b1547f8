import { existsSync } from 'node:fs';
import path from 'node:path';

/** The operator-supplied MiniFASNet pair beside the repository (or LIVENESS_MODELS_DIR). */
export const LIVENESS_MODELS_DIR = process.env.LIVENESS_MODELS_DIR || path.resolve(__dirname, '..', '..', '..', 'shared', 'models', 'minifasnet');

export const livenessModelsAvailable = existsSync(path.join(LIVENESS_MODELS_DIR, '2.7_80x80_MiniFASNetV2.onnx'));

if (!livenessModelsAvailable) {
  process.stdout.write(`SKIP: MiniFASNet models not found at ${LIVENESS_MODELS_DIR} (set LIVENESS_MODELS_DIR); tests that need calibrated liveness scores are skipped\n`);
}

/** `describe` when the MiniFASNet models exist, `describe.skip` otherwise (with the SKIP line above). */
export const describeWithLivenessModels = livenessModelsAvailable ? describe : describe.skip;
