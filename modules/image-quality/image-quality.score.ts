/**
 * The 0-100 quality score: a weighted geometric mean of four factors in [0, 1], so any single
 * factor at 0 (black frame, no detail at all) drives the score to 0 instead of being averaged away.
 */
export interface QualityFactors {
  brightness: number;
  sharpness: number;
  contrast: number;
  resolution: number;
}

const WEIGHTS: QualityFactors = { sharpness: 0.35, brightness: 0.3, contrast: 0.15, resolution: 0.2 };

/** Mean luma in [70, 190] is fine; linear falloff to 0 at 15 and 245. */
export function brightnessFactor(meanLuma: number): number {
  if (meanLuma < 70) return clamp01((meanLuma - 15) / 55);
  if (meanLuma > 190) return clamp01((245 - meanLuma) / 55);
  return 1;
}

/**
 * Laplacian variance (at 640 px long side) on a log scale: 5 or less is 0, 120 or more is 1.
 * Chosen on the evaluation set: compressed HD webcam frames of real people measure 20-40, while
 * visibly smeared screen replays measure 5-8.
 */
export function sharpnessFactor(lapVariance: number): number {
  if (lapVariance <= 0) return 0;
  return clamp01((Math.log10(lapVariance) - Math.log10(5)) / (Math.log10(120) - Math.log10(5)));
}

/** Luma standard deviation: 8 or less is a flat frame, 40 or more is plenty. */
export function contrastFactor(stdDev: number): number {
  return clamp01((stdDev - 8) / 32);
}

/** Short side: 240 px or less is 0, 480 px or more is 1. */
export function resolutionFactor(width: number, height: number): number {
  return clamp01((Math.min(width, height) - 240) / 240);
}

export function qualityScore(f: QualityFactors): number {
  let log = 0;
  for (const key of Object.keys(WEIGHTS) as (keyof QualityFactors)[]) {
    const value = f[key];
    if (value <= 0) return 0;
    log += WEIGHTS[key] * Math.log(value);
  }
  return Math.round(100 * Math.exp(log));
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
