import type { ModuleDescription, ModuleHandler, ModuleRunInput, ModuleRunResult } from '../module-handler';
import type { InferenceSettings } from '../../src/inference/inference-settings';
import { analyzeSelfie } from './liveness-analyzer';
import { LivenessModelSet, loadLivenessModelSet } from './liveness-model-set';

const SELFIE_INPUT = 'selfie';

/** This thread's models and limits, set once by init(). */
let loaded: { models: LivenessModelSet; settings: InferenceSettings } | undefined;

/**
 * Liveness Verification V1: a 0-100 liveness score for the largest face in a selfie (README for
 * what the numbers mean). Scores come from MiniFASNet when the operator folder holds it, else
 * from the builtin faceplugin model, with a warning in describe().
 */
export const handler: ModuleHandler = {
  id: 'liveness-v1',

  async init(settings: InferenceSettings): Promise<void> {
    // Re-init with other settings (tests) reloads; sessions themselves stay cached per file.
    if (loaded?.settings === settings) return;
    loaded = { models: await loadLivenessModelSet(settings), settings };
  },

  describe(): ModuleDescription {
    if (!loaded) return { models: [], warnings: ['liveness-v1 is not initialised'] };
    return loaded.models.description;
  },

  async run(input: ModuleRunInput): Promise<ModuleRunResult> {
    if (!loaded) throw new Error('liveness-v1: run() before init()');
    const selfie = input.images[SELFIE_INPUT];
    // The engine checks required inputs before a step runs, so this is a wiring bug, not bad input.
    if (!selfie) throw new Error(`liveness-v1: no "${SELFIE_INPUT}" image in the step input`);
    const { settings, models } = loaded;
    return analyzeSelfie(models, selfie, { maxPixels: settings.maxImagePixels, minSide: settings.minImageSide });
  },
};
