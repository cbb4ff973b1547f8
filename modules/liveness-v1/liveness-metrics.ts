/** Presentation-attack metrics (ISO/IEC 30107-3 names) on scores where higher = more live. */

/** Area under the ROC curve: P(live score > attack score), ties counting half. */
export function auc(live: number[], attack: number[]): number {
  if (live.length === 0 || attack.length === 0) return NaN;
  let wins = 0;
  for (const l of live) for (const a of attack) wins += l > a ? 1 : l === a ? 0.5 : 0;
  return wins / (live.length * attack.length);
}

/** Attack Presentation Classification Error Rate: share of attacks accepted (score >= threshold). */
export function apcer(attack: number[], threshold: number): number {
  return attack.length === 0 ? NaN : attack.filter((s) => s >= threshold).length / attack.length;
}

/** Bona fide Presentation Classification Error Rate: share of live captures rejected (score < threshold). */
export function bpcer(live: number[], threshold: number): number {
  return live.length === 0 ? NaN : live.filter((s) => s < threshold).length / live.length;
}

/** Equal error rate: where APCER and BPCER cross, over every observed threshold. */
export function eer(live: number[], attack: number[]): { rate: number; threshold: number } {
  let best = { gap: Infinity, rate: NaN, threshold: NaN };
  for (const t of [...new Set([...live, ...attack])].sort((a, b) => a - b)) {
    const a = apcer(attack, t), b = bpcer(live, t);
    if (Math.abs(a - b) < best.gap) best = { gap: Math.abs(a - b), rate: (a + b) / 2, threshold: t };
  }
  return { rate: best.rate, threshold: best.threshold };
}
