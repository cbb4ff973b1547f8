import { DEFAULT_SNIFF_LIMITS } from '../../src/inference/image-sniff';
import type { InferenceSettings } from '../../src/inference/inference-settings';
import { defaultBuiltinModelsDir, defaultOperatorModelsDir } from '../../src/inference/face/repo-paths';

/**
 * Settings for the command-line tools (liveness CLI, eval, bench, tests), which run outside the
 * app and so outside src/config. Same variables and defaults as the app (src/config):
 * LIVENESS_MODELS_DIR, else <repo>/.models/operator; BUILTIN_MODELS_DIR, else <repo>/.models/builtin.
 */
export function toolSettings(env: NodeJS.ProcessEnv = process.env): InferenceSettings {
  return {
    livenessModelsDir: env['LIVENESS_MODELS_DIR'] || defaultOperatorModelsDir(),
    builtinModelsDir: env['BUILTIN_MODELS_DIR'] || defaultBuiltinModelsDir(),
    maxImagePixels: DEFAULT_SNIFF_LIMITS.maxPixels,
    minImageSide: DEFAULT_SNIFF_LIMITS.minSide,
  };
}
