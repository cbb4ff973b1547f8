/**
 * Cosine of L2-normalised fr_feature embeddings -> similarity 0-100, piecewise linear through
 * anchors measured with `npm run eval:facematch` on ../shared/eval/pairs/deepface_master.csv
 * (README "Facematch accuracy"). The anchors give the thresholds their meaning:
 *   similarity 90 = the cosine at which the impostor distribution's modelled 0.1 % tail starts
 *   similarity 70 = the cosine at FAR 1 % (observed)
 * A found face pair never scores 0: 0 is reserved for "no result" (seed 001's convention).
 */
export interface CalibrationAnchor {
  cosine: number;
  similarity: number;
}

export const FR_FEATURE_ANCHORS: readonly CalibrationAnchor[] = [
  { cosine: -1, similarity: 1 },
  { cosine: 0.0, similarity: 30 },
  // Observed FAR 1 % point: 1 % of the 262 impostor pairs score >= 0.244.
  { cosine: 0.244, similarity: 70 },
  // max(modelled 0.1 % impostor tail 0.336 = mean + 3.09 sd, highest impostor seen 0.357), rounded up.
  { cosine: 0.36, similarity: 90 },
  // Typical genuine pairs (p5 0.638, median 0.789) land at 97 and above.
  { cosine: 0.62, similarity: 97 },
  { cosine: 1, similarity: 100 },
];

export function cosineToSimilarity(cosine: number, anchors: readonly CalibrationAnchor[] = FR_FEATURE_ANCHORS): number {
  const first = anchors[0]!, last = anchors[anchors.length - 1]!;
  if (cosine <= first.cosine) return first.similarity;
  if (cosine >= last.cosine) return last.similarity;
  for (let i = 1; i < anchors.length; i++) {
    const lo = anchors[i - 1]!, hi = anchors[i]!;
    if (cosine <= hi.cosine) {
      const t = (cosine - lo.cosine) / (hi.cosine - lo.cosine);
      return Math.max(1, Math.round(lo.similarity + t * (hi.similarity - lo.similarity)));
    }
  }
  return last.similarity;
}

/** seed 004's selfie2selfie wording. */
export function faceMatchLabel(similarity: number, threshold: number): 'strong_match' | 'match' | 'no_match' {
  if (similarity >= Math.max(threshold, 97)) return 'strong_match';
  return similarity >= threshold ? 'match' : 'no_match';
}
