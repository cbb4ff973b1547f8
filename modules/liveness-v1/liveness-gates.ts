import { LIVENESS_REASONS, LivenessReason } from './liveness-reasons';

/** What the gates look at, measured on the largest face. */
export interface FaceMeasurements {
  /** Longer side of the face box, in pixels of the original image. */
  faceSidePx: number;
  /** Image shorter side / longer side of the 68-landmark extent: how much scene surrounds the face. */
  context: number;
  /** Share of the face box outside the image. */
  outsideFraction: number;
  brightness: number;
}

/**
 * Thresholds, set on shared/eval (README "Gates"): deliberately loose, so they catch
 * images the models cannot judge rather than reshape the score distribution.
 */
export const GATES = {
  /** Below this the 80x80 crops are upsampled blur. */
  minFaceSidePx: 40,
  /** More of the face than this outside the frame: a cut-off face, resubmit. */
  maxOutsideFraction: 0.25,
  /**
   * The models judge the surroundings (print edges, bezels) as much as the skin: with a face filling
   * the frame they lose that. On shared/eval whole frames are >= 1.30 and tight crops mostly <= 1.1.
   */
  minContext: 1.2,
  /** Face luma (0-100) outside this range: too dark or blown out to see texture. */
  minBrightness: 12,
  maxBrightness: 92,
} as const;

/** A reason that makes the result inconclusive (score 0), or undefined. */
export function inconclusiveReason(m: FaceMeasurements): LivenessReason | undefined {
  if (m.faceSidePx < GATES.minFaceSidePx) return LIVENESS_REASONS.faceTooSmall;
  if (m.outsideFraction > GATES.maxOutsideFraction) return LIVENESS_REASONS.faceCutOff;
  return undefined;
}

/** A reason to hold the score in the Review band (60-74), or undefined. */
export function reviewReason(m: FaceMeasurements): LivenessReason | undefined {
  if (m.context < GATES.minContext) return LIVENESS_REASONS.faceFillsFrame;
  if (m.brightness < GATES.minBrightness || m.brightness > GATES.maxBrightness) return LIVENESS_REASONS.poorLighting;
  return undefined;
}
