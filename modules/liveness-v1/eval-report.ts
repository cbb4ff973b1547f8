import type { EvalItem } from './eval-manifest';
import { apcer, auc, bpcer, eer } from './liveness-metrics';
import type { LivenessOutcome } from './module-outcome';

/** What the module gave for one labelled image. */
export interface EvalResult {
  item: EvalItem;
  outcome: LivenessOutcome;
  /** livenessScore (0 when inconclusive or undecodable). */
  score: number;
  /** Fused live probability x 100 when a face was scored, else null. */
  liveScore: number | null;
  reason: string | null;
}

const OUTCOMES: LivenessOutcome[] = ['Success', 'Review', 'Fail', 'ERROR'];

const pct = (v: number): string => (Number.isNaN(v) ? 'n/a' : `${(v * 100).toFixed(1)} %`);
const num = (v: number): string => (Number.isNaN(v) ? 'n/a' : v.toFixed(3));

/** Markdown for one group of images (full frames or tight crops). */
export function groupReport(title: string, results: EvalResult[]): string {
  const live = results.filter((r) => r.item.label === 'live');
  const spoof = results.filter((r) => r.item.label === 'spoof');
  const scored = (rs: EvalResult[]): number[] => rs.flatMap((r) => (r.liveScore === null ? [] : [r.liveScore]));
  const scores = (rs: EvalResult[]): number[] => rs.map((r) => r.score);
  const decided = (rs: EvalResult[]): number[] => rs.filter((r) => r.score > 0).map((r) => r.score);
  const e = eer(scored(live), scored(spoof));
  const a75 = apcer(scores(spoof), 75), b75 = bpcer(scores(live), 75);
  const lines = [
    `### ${title}`,
    '',
    `${live.length} live, ${spoof.length} spoof. Inconclusive (score 0): live ${countBy(live.filter((r) => r.score === 0))}; spoof ${countBy(spoof.filter((r) => r.score === 0))}.`,
    '',
    '| metric | value |',
    '|---|---|',
    `| AUC of the fused live probability (faces scored: ${scored(live).length} live / ${scored(spoof).length} spoof) | ${num(auc(scored(live), scored(spoof)))} |`,
    `| EER of the fused live probability | ${pct(e.rate)} (at liveScore ${num(e.threshold)}) |`,
    `| AUC of livenessScore, every image (inconclusive = 0) | ${num(auc(scores(live), scores(spoof)))} |`,
    `| APCER at score >= 75 (attacks reaching Success) | ${pct(a75)} |`,
    `| BPCER at score >= 75 (live not reaching Success; inconclusive counted as rejected) | ${pct(b75)} |`,
    `| BPCER at score >= 75, conclusive live only | ${pct(bpcer(decided(live), 75))} |`,
    `| ACER at 75 | ${pct((a75 + b75) / 2)} |`,
    `| APCER at score >= 60 (attacks not failed: Success or Review) | ${pct(apcer(scores(spoof), 60))} |`,
    `| BPCER at score >= 60 (live failed or inconclusive) | ${pct(bpcer(scores(live), 60))} |`,
    '',
    '| label | ' + OUTCOMES.join(' | ') + ' |',
    '|---|' + OUTCOMES.map(() => '---|').join(''),
    ...[['live', live], ['spoof', spoof]].map(([label, rs]) => `| ${label as string} | ${OUTCOMES.map((o) => (rs as EvalResult[]).filter((r) => r.outcome === o).length).join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}

/** Outcome shares per source (video or repository) and label. */
export function sourceReport(results: EvalResult[]): string {
  const keys = [...new Set(results.map((r) => `${r.item.group}\u0000${r.item.label}\u0000${r.item.source}`))].sort();
  const rows = keys.map((key) => {
    const [group, label, source] = key.split('\u0000');
    const rs = results.filter((r) => r.item.group === group && r.item.label === label && r.item.source === source);
    const share = (o: LivenessOutcome): string => `${Math.round((100 * rs.filter((r) => r.outcome === o).length) / rs.length)} %`;
    return `| ${group} | ${label} | ${source} | ${rs.length} | ${OUTCOMES.map(share).join(' | ')} |`;
  });
  return ['| group | label | source | n | ' + OUTCOMES.join(' | ') + ' |', '|---|---|---|---|' + OUTCOMES.map(() => '---|').join(''), ...rows, ''].join('\n');
}

/** Every no-face, other and corrupt image with what the module did. */
export function handlingReport(results: EvalResult[]): string {
  return [
    '| file | label | outcome | reason |',
    '|---|---|---|---|',
    ...results.map((r) => `| ${r.item.file.split('/').slice(-2).join('/')} | ${r.item.label} | ${r.outcome} | ${r.reason ?? ''} |`),
    '',
  ].join('\n');
}

function countBy(rs: EvalResult[]): string {
  if (rs.length === 0) return 'none';
  const counts = new Map<string, number>();
  for (const r of rs) counts.set(r.reason ?? '?', (counts.get(r.reason ?? '?') ?? 0) + 1);
  return [...counts].map(([k, v]) => `${k} ${v}`).join(', ');
}
