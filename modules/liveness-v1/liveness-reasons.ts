/**
 * Why a liveness result is inconclusive (score 0, outcome ERROR) or held in the Review band.
 * `code` follows the common IDV reason codes (547 face missing, 546 face image quality
 * insufficient, 204 poor image quality: resubmission requested) so operators can map them.
 */
export const LIVENESS_REASONS = {
  faceMissing: { reason: 'FACE_MISSING', code: 547, effect: 'inconclusive' },
  faceTooSmall: { reason: 'FACE_TOO_SMALL', code: 546, effect: 'inconclusive' },
  faceCutOff: { reason: 'FACE_CUT_OFF', code: 546, effect: 'inconclusive' },
  faceFillsFrame: { reason: 'FACE_FILLS_FRAME', code: 204, effect: 'review' },
  poorLighting: { reason: 'POOR_LIGHTING', code: 204, effect: 'review' },
} as const;

export type LivenessReason = (typeof LIVENESS_REASONS)[keyof typeof LIVENESS_REASONS];
