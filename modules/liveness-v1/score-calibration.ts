/** Live probabilities at which the score reaches 60 (Review starts) and 75 (Success starts). */
export interface ScoreCalibration {
  review: number;
  success: number;
}

export const DEFAULT_CALIBRATION: ScoreCalibration = { review: 0.5, success: 0.75 };

/**
 * Fused live probability -> integer score 1-100, piecewise-linear through (0, 1), (review, 60),
 * (success, 75), (1, 100). Monotone with two parameters, so it cannot overfit much: the knots
 * are set on the evaluation set (README) so that >= 75 means "confident live" and 60-74 "unsure".
 * Never returns 0: 0 is reserved for "no result".
 */
export function probabilityToScore(p: number, c: ScoreCalibration): number {
  const q = Math.min(Math.max(Number.isFinite(p) ? p : 0, 0), 1);
  let score: number;
  if (q < c.review) score = 1 + (59 * q) / c.review;
  else if (q < c.success) score = 60 + (15 * (q - c.review)) / (c.success - c.review);
  else score = 75 + (25 * (q - c.success)) / (1 - c.success);
  // Floor inside each band, so a probability just under a knot never rounds up across it.
  return Math.min(100, Math.max(1, Math.floor(score)));
}

/** Weighted mean of the members' knots: with one shared calibration it is that calibration. */
export function fuseCalibrations(parts: { calibration: ScoreCalibration; weight: number }[]): ScoreCalibration {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (total <= 0) return DEFAULT_CALIBRATION;
  return {
    review: parts.reduce((s, p) => s + p.calibration.review * p.weight, 0) / total,
    success: parts.reduce((s, p) => s + p.calibration.success * p.weight, 0) / total,
  };
}

/** Holds a score inside the Review band (60-74): the image allows no confident answer either way. */
export function holdInReview(score: number): number {
  return Math.min(74, Math.max(60, score));
}
