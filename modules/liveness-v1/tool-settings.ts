import { inferenceSettings, loadConfig } from '../../src/config/app-config';
import type { InferenceSettings } from '../../src/inference/inference-settings';

/**
 * Settings for the command-line tools (liveness CLI, evals, benches, tests), which run outside
 * the app: the same variables and defaults as the app, read by src/config
 * (LIVENESS_MODELS_DIR, else <repo>/.models/operator; BUILTIN_MODELS_DIR, else <repo>/.models/builtin).
 */
export function toolSettings(env: NodeJS.ProcessEnv = process.env): InferenceSettings {
  return inferenceSettings(loadConfig(env, []));
}
