import type * as ort from 'onnxruntime-node';
import type { ModuleDescription } from '../module-handler';
import type { InferenceSettings } from '../../src/inference/inference-settings';
import { loadBuiltinModels } from '../../src/inference/face/builtin-models';
import { createDetector, preferredDetector } from '../../src/inference/face/detector-factory';
import type { FaceDetector } from '../../src/inference/face/face-detector';
import type { DetectorManifest, LivenessManifest, LoadedModel } from '../../src/inference/face/model-manifest';
import { scanModelDirectories } from '../../src/inference/face/model-directory';
import { loadSession } from '../../src/inference/face/onnx-session-cache';
import { LivenessClassifier } from './liveness-classifier';
import { ScoreCalibration, fuseCalibrations } from './score-calibration';

export const DEGRADED_WARNING =
  'liveness accuracy is degraded: only the builtin faceplugin fr_liveness model is available ' +
  '(measured AUC about 0.90 on full frames; it sends many genuine selfies to Fail or Review, see ' +
  'modules/liveness-v1/README.md "Measured accuracy"). Put the MiniFASNet pair in LIVENESS_MODELS_DIR.';

/** Everything one thread needs to score selfies, loaded once. */
export interface LivenessModelSet {
  detector: FaceDetector;
  detectorModel: LoadedModel<DetectorManifest>;
  landmarks: ort.InferenceSession;
  classifiers: LivenessClassifier[];
  calibration: ScoreCalibration;
  /** `id@version` of each liveness model fused, joined with '+': reported with every score. */
  livenessModelId: string;
  description: ModuleDescription;
}

/**
 * Picks the models: the detector with the highest priority among the builtin one and the
 * operator's; the operator's liveness models when there are any (fr_liveness adds nothing
 * measurable to MiniFASNet, see README), else the builtin fr_liveness with a warning.
 */
export async function loadLivenessModelSet(settings: InferenceSettings): Promise<LivenessModelSet> {
  const builtin = await loadBuiltinModels(settings.builtinModelsDir);
  const operator = await scanModelDirectories(settings.livenessModelsDir);
  const warnings: string[] = [];

  const detectors = [builtin.detector, ...operator.filter(isDetector)];
  const detectorModel = preferredDetector(detectors) ?? builtin.detector;
  const operatorLiveness = operator.filter(isLiveness).filter((m) => (m.manifest.weight ?? 1) > 0);
  const livenessModels = operatorLiveness.length > 0 ? operatorLiveness : [builtin.liveness];
  if (operatorLiveness.length === 0) warnings.push(DEGRADED_WARNING);
  for (const m of operatorLiveness) {
    if (!m.manifest.calibration) warnings.push(`${m.manifest.id} has no calibration in its manifest: scores use the default mapping (0.5 -> 60, 0.75 -> 75)`);
  }

  const classifiers = await Promise.all(livenessModels.map((m) => LivenessClassifier.load(m)));
  const all = [detectorModel, ...livenessModels];
  return {
    detector: await createDetector(detectorModel),
    detectorModel,
    landmarks: await loadSession(builtin.landmarksPath),
    classifiers,
    calibration: fuseCalibrations(classifiers.map((c) => ({ calibration: c.calibration, weight: c.weight }))),
    livenessModelId: livenessModels.map((m) => `${m.manifest.id}@${m.manifest.version}`).join('+'),
    description: {
      models: [
        ...all.map((m) => ({ id: `${m.manifest.id}@${m.manifest.version}`, role: m.manifest.role, sha256: m.manifest.sha256 })),
        { id: 'faceplugin-fr-landmark', role: 'landmarks' },
      ],
      warnings,
    },
  };
}

function isDetector(m: LoadedModel): m is LoadedModel<DetectorManifest> {
  return m.manifest.role === 'detector';
}

function isLiveness(m: LoadedModel): m is LoadedModel<LivenessManifest> {
  return m.manifest.role === 'liveness';
}
