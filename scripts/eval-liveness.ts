import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { ImageInputError } from '../src/inference/image-error';
import { readEvalManifest, EvalItem } from '../modules/liveness-v1/eval-manifest';
import { EvalResult, groupReport, handlingReport, sourceReport } from '../modules/liveness-v1/eval-report';
import { handler } from '../modules/liveness-v1/liveness-v1.handler';
import { defaultOutcome } from '../modules/liveness-v1/module-outcome';
import { toolSettings } from '../modules/liveness-v1/tool-settings';

/**
 * npm run eval:liveness -- <dir with manifest.csv> [--out bench/liveness-eval.md] [--dump results.jsonl]
 * Runs liveness-v1 on every labelled image (one at a time: it is the heavy run) and prints, then
 * writes as markdown, AUC / APCER / BPCER / ACER / EER for full frames and tight crops apart,
 * per-source outcome shares and how no-face and corrupt files were handled.
 */
async function main(argv: string[]): Promise<void> {
  const dir = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!dir) throw new Error('usage: npm run eval:liveness -- <dir-with-manifest.csv> [--out file.md] [--dump file.jsonl]');
  const out = option(argv, '--out') ?? 'bench/liveness-eval.md';
  const dump = option(argv, '--dump');

  const settings = toolSettings();
  await handler.init?.(settings);
  const description = handler.describe?.() ?? { models: [], warnings: [] };
  const items = readEvalManifest(dir);
  const started = performance.now();
  const results: EvalResult[] = [];
  for (const item of items) results.push(await evaluate(item));
  const seconds = (performance.now() - started) / 1000;

  const full = results.filter((r) => r.item.group === 'full');
  const crop = results.filter((r) => r.item.group === 'crop');
  const markdown = [
    '# liveness-v1 evaluation',
    '',
    `Command: \`LIVENESS_MODELS_DIR=${settings.livenessModelsDir} npm run eval:liveness -- ${dir} --out ${out}\``,
    `Date: ${new Date().toISOString()}; ${results.length} images in ${seconds.toFixed(1)} s on ${os.cpus()[0]?.model ?? '?'}, node ${process.version}.`,
    '',
    `Models: ${description.models.map((m) => `${m.id} (${m.role})`).join(', ')}.`,
    ...description.warnings.map((w) => `\n> Warning: ${w}`),
    '',
    'Outcomes follow module.json: ERROR = score 0 (inconclusive), Success >= 75, Review 60-74, Fail 1-59.',
    'Full frames and tight crops are reported apart: the crops have no context around the face.',
    '',
    groupReport('Full frames (subsets full + full_video)', full),
    groupReport('Tight face crops (subset crop)', crop),
    '### Outcome shares per source',
    '',
    sourceReport([...full, ...crop]),
    '### No-face, other and corrupt files',
    '',
    handlingReport(results.filter((r) => r.item.group === 'other')),
  ].join('\n');
  console.log(markdown);
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  writeFileSync(out, markdown);
  if (dump) writeFileSync(dump, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.error(`written: ${out}${dump ? `, ${dump}` : ''}`);
}

async function evaluate(item: EvalItem): Promise<EvalResult> {
  try {
    const { capabilities, reason } = await handler.run({ images: { selfie: readFileSync(item.file) }, values: {}, params: {} });
    const score = typeof capabilities['livenessScore'] === 'number' ? capabilities['livenessScore'] : 0;
    const live = capabilities['liveScore'];
    return {
      item,
      outcome: defaultOutcome(capabilities, reason),
      score,
      liveScore: score > 0 && typeof live === 'number' ? live : null,
      reason: reason ?? null,
    };
  } catch (err) {
    // Corrupt files must come back as the decoder's error, which the engine turns into ERROR.
    if (err instanceof ImageInputError) return { item, outcome: 'ERROR', score: 0, liveScore: null, reason: err.code };
    throw err;
  }
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
