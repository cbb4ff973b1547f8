import type { ModuleDescription, ModuleHandler, ModuleRunInput, ModuleRunResult } from '../module-handler';
import type { InferenceSettings } from '../../src/inference/inference-settings';
import { loadBuiltinModels } from '../../src/inference/face/builtin-models';
import { createDetector, preferredDetector } from '../../src/inference/face/detector-factory';
import { FaceEmbedder } from '../../src/inference/face/face-embedder';
import type { DetectorManifest, LoadedModel } from '../../src/inference/face/model-manifest';
import { scanModelDirectories } from '../../src/inference/face/model-directory';
import { loadSession } from '../../src/inference/face/onnx-session-cache';
import { compareFaces, FacematchModels } from './facematch-analyzer';

/** seed 002's default threshold; the calibration makes it mean "match at <= 0.1 % false matches". */
const DEFAULT_THRESHOLD = 90;

let loaded: { models: FacematchModels; settings: InferenceSettings; description: ModuleDescription } | undefined;

/**
 * Facematch V1: is the selfie the person on the ID document (or in a reference photo)?
 * fr_feature embeddings of 5-point aligned faces, cosine, calibrated to 0-100.
 */
export const handler: ModuleHandler = {
  id: 'facematch-v1',

  async init(settings: InferenceSettings): Promise<void> {
    if (loaded?.settings === settings) return;
    const builtin = await loadBuiltinModels(settings.builtinModelsDir);
    const operator = await scanModelDirectories(settings.livenessModelsDir);
    // The same detector choice as liveness-v1, so both steps find the same face in a selfie.
    const detectorModel = preferredDetector([builtin.detector, ...operator.filter((m): m is LoadedModel<DetectorManifest> => m.manifest.role === 'detector')]) ?? builtin.detector;
    const models: FacematchModels = {
      detector: await createDetector(detectorModel),
      detectorId: `${detectorModel.manifest.id}@${detectorModel.manifest.version}`,
      landmarks: await loadSession(builtin.landmarksPath),
      embedder: await FaceEmbedder.load(builtin.embeddingPath),
      embedderId: 'faceplugin-fr-feature@0.0.1',
    };
    loaded = {
      models,
      settings,
      description: {
        models: [
          { id: models.detectorId, role: 'detector', sha256: detectorModel.manifest.sha256 },
          { id: 'faceplugin-fr-landmark', role: 'landmarks' },
          { id: models.embedderId, role: 'embedding' },
        ],
        warnings: [],
      },
    };
  },

  describe(): ModuleDescription {
    return loaded?.description ?? { models: [], warnings: ['facematch-v1 is not initialised'] };
  },

  async run(input: ModuleRunInput): Promise<ModuleRunResult> {
    if (!loaded) throw new Error('facematch-v1: run() before init()');
    const selfie = input.images.selfie;
    if (!selfie) throw new Error('facematch-v1: no "selfie" image in the step input');
    const reference = input.images.reference ?? input.images.document;
    const referenceSource = input.images.reference ? 'reference' : 'document';
    const threshold = input.thresholds?.success ?? DEFAULT_THRESHOLD;
    if (!reference) {
      return { capabilities: { threshold, referenceSource }, reason: 'REFERENCE_MISSING' };
    }
    const { settings, models } = loaded;
    return compareFaces(models, { selfie, reference, referenceSource, threshold }, { maxPixels: settings.maxImagePixels, minSide: settings.minImageSide });
  },
};
