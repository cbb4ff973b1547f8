/** Verification metrics on similarity scores where higher = more alike (genuine pairs high). */
export interface RocSummary {
  auc: number;
  /** Equal error rate and the threshold where FAR and FRR cross. */
  eer: number;
  eerThreshold: number;
  /** True accept rate at the lowest threshold whose false accept rate is <= `far`. */
  tarAt(far: number): { tar: number; threshold: number };
}

export function rocSummary(genuine: number[], impostor: number[]): RocSummary {
  let wins = 0;
  for (const g of genuine) for (const i of impostor) wins += g > i ? 1 : g === i ? 0.5 : 0;
  const auc = genuine.length && impostor.length ? wins / (genuine.length * impostor.length) : NaN;
  const thresholds = [...new Set([...genuine, ...impostor])].sort((a, b) => a - b);
  const far = (t: number) => impostor.filter((s) => s >= t).length / impostor.length;
  const frr = (t: number) => genuine.filter((s) => s < t).length / genuine.length;
  let best = { gap: Infinity, eer: NaN, threshold: NaN };
  for (const t of thresholds) {
    const gap = Math.abs(far(t) - frr(t));
    if (gap < best.gap) best = { gap, eer: (far(t) + frr(t)) / 2, threshold: t };
  }
  return {
    auc,
    eer: best.eer,
    eerThreshold: best.threshold,
    tarAt(maxFar: number) {
      // Thresholds just above each impostor score: the lowest one meeting the FAR bound.
      const candidates = [...thresholds.map((t) => t + 1e-9), -Infinity].sort((a, b) => a - b);
      for (const t of candidates) if (far(t) <= maxFar) return { tar: 1 - frr(t), threshold: t };
      return { tar: 0, threshold: Infinity };
    },
  };
}
