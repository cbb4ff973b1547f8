import type { Capabilities, ModuleRunResult } from '../module-handler';
import { FaceBox, scaleBox } from '../../src/inference/face/face-box';
import { prepareImage, WORKING_MAX_SIDE } from '../../src/inference/face/face-preparer';
import { landmarkExtent } from '../../src/inference/face/face-landmarks';
import { measureFaceQuality } from '../../src/inference/face/face-quality';
import { estimateHeadPose } from '../../src/inference/face/head-pose';
import type { SniffLimits } from '../../src/inference/image-sniff';
import { defaultCapabilities } from './capability-defaults';
import { FaceMeasurements, inconclusiveReason, reviewReason } from './liveness-gates';
import type { LivenessModelSet } from './liveness-model-set';
import { LIVENESS_REASONS, LivenessReason } from './liveness-reasons';
import { holdInReview, probabilityToScore } from './score-calibration';
import { StageTimings, timed } from './stage-timings';


/**
 * Scores one selfie: decode, find the largest face, check it can be judged, crop it per model,
 * fuse the live probabilities, map to 0-100. Throws ImageInputError for undecodable images;
 * every other negative (no face, face cut off...) is a result with a reason, not an exception.
 */
export async function analyzeSelfie(
  models: LivenessModelSet,
  bytes: Uint8Array,
  limits: SniffLimits,
  timings?: StageTimings,
): Promise<ModuleRunResult> {
  // Shared with facematch-v1 (same working size and detector): a run's selfie is decoded and
  // detected once per worker thread, whichever step comes first.
  const prepared = await prepareImage(bytes, limits, models.detector, models.landmarks, WORKING_MAX_SIDE, (stage, work) => timed(timings, stage, work));
  const { bitmap, factor, faces, landmarks } = prepared;
  const face = faces[0];
  const base: Capabilities = { ...defaultCapabilities(), detectorModel: `${models.detectorModel.manifest.id}@${models.detectorModel.manifest.version}`, faceCount: faces.length };
  if (!face || landmarks.length === 0) return inconclusive(base, LIVENESS_REASONS.faceMissing);

  const side = Math.max(face.x2 - face.x1, face.y2 - face.y1);
  const quality = await timed(timings, 'landmarks', () => measureFaceQuality(bitmap, face));
  const pose = estimateHeadPose(landmarks);
  const extent = landmarkExtent(landmarks);
  const measured: FaceMeasurements = {
    faceSidePx: side * factor,
    context: Math.min(bitmap.width, bitmap.height) / Math.max(extent.width, extent.height, 1),
    outsideFraction: quality.outsideFraction,
    brightness: quality.brightness,
  };
  const described: Capabilities = {
    ...base,
    faceBox: faceBoxCapability(scaleBox(face, factor)),
    faceSizeRatio: round3(1 / measured.context),
    brightness: quality.brightness,
    sharpness: quality.sharpness,
    // {} rather than null when the landmarks were degenerate: the capability is typed object.
    pose: pose ? { yaw: pose.yaw, pitch: pose.pitch, roll: pose.roll } : {},
  };
  const stop = inconclusiveReason(measured);
  if (stop) return inconclusive(described, stop);

  const { p, perModel } = await fusedLiveProbability(models, bitmap, face, timings);
  const calibrated = probabilityToScore(p, models.calibration);
  const hold = reviewReason(measured);
  const capabilities: Capabilities = {
    ...described,
    livenessScore: hold ? holdInReview(calibrated) : calibrated,
    liveScore: round3(p * 100),
    popScore: round3(100 - p * 100),
    livenessModel: models.livenessModelId,
    modelLiveScores: perModel,
    reasonCode: hold ? hold.code : 0,
  };
  return hold ? { capabilities, reason: hold.reason } : { capabilities };
}

async function fusedLiveProbability(
  models: LivenessModelSet,
  bitmap: Parameters<typeof measureFaceQuality>[0],
  face: FaceBox,
  timings: StageTimings | undefined,
): Promise<{ p: number; perModel: Record<string, number> }> {
  let weighted = 0, total = 0;
  const perModel: Record<string, number> = {};
  for (const classifier of models.classifiers) {
    const { tensor } = await timed(timings, 'crop', () => classifier.prepare(bitmap, face));
    const p = await timed(timings, 'liveness', () => classifier.classify(tensor));
    perModel[classifier.model.manifest.id] = round3(p * 100);
    weighted += p * classifier.weight;
    total += classifier.weight;
  }
  return { p: total > 0 ? weighted / total : 0, perModel };
}

function inconclusive(capabilities: Capabilities, why: LivenessReason): ModuleRunResult {
  return { capabilities: { ...capabilities, livenessScore: 0, reasonCode: why.code }, reason: why.reason };
}

function faceBoxCapability(box: FaceBox): Capabilities {
  return {
    x: Math.round(box.x1),
    y: Math.round(box.y1),
    width: Math.round(box.x2 - box.x1),
    height: Math.round(box.y2 - box.y1),
    confidence: round3(box.score),
  };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
