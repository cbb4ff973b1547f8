/**
 * `npm run eval:facematch -- <pairs.csv>`: genuine/impostor cosine distributions, AUC, TAR at
 * FAR 1 % and 0.1 %, EER on labelled pairs (file_x,file_y,Decision Yes/No; paths relative to the
 * CSV's parent folder), with the shipped calibration applied. Writes bench/facematch-eval.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { handler } from '../modules/facematch-v1/facematch-v1.handler';
import { inferenceSettings, loadConfig } from '../src/config/app-config';
import { projectRoot } from '../src/config/project-root';
import { preparerCounters } from '../src/inference/face/face-preparer';
import { rocSummary } from '../src/evaluation/roc-summary';

async function main(): Promise<void> {
  const csv = process.argv[2];
  if (!csv) throw new Error('usage: npm run eval:facematch -- <pairs.csv>');
  const base = path.resolve(path.dirname(csv), '..');
  const config = loadConfig();
  await handler.init?.(inferenceSettings(config));
  const rows = readFileSync(csv, 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
  const genuine: number[] = [], impostor: number[] = [];
  const failures: string[] = [];
  const bytes = (f: string) => new Uint8Array(readFileSync(path.join(base, f)));
  for (const [x, y, decision] of rows) {
    if (!x || !y || !decision) continue;
    try {
      const r = await handler.run({ images: { selfie: bytes(x), reference: bytes(y) }, values: {}, params: {}, thresholds: { success: 90, review: 70 } });
      if (r.reason) {
        failures.push(`${x} ${y}: ${r.reason}`);
        continue;
      }
      (decision.trim() === 'Yes' ? genuine : impostor).push(Number(r.capabilities.cosine));
    } catch (err) {
      failures.push(`${x} ${y}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const roc = rocSummary(genuine, impostor);
  const mean = impostor.reduce((a, b) => a + b, 0) / impostor.length;
  const sd = Math.sqrt(impostor.reduce((a, b) => a + (b - mean) ** 2, 0) / impostor.length);
  const stats = (v: number[]) => { const s = [...v].sort((a, b) => a - b); const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]?.toFixed(3); return `n=${s.length} min ${s[0]?.toFixed(3)} p5 ${q(0.05)} median ${q(0.5)} p95 ${q(0.95)} max ${s[s.length - 1]?.toFixed(3)}`; };
  const lines = [
    '# Facematch evaluation',
    '',
    `Command: \`npm run eval:facematch -- ${path.relative(projectRoot(), csv)}\` (${new Date().toISOString()}).`,
    `Model: fr_feature (faceplugin-face-recognition-js@0.0.1), 5-point similarity alignment to the ArcFace 112x112 template, cosine of L2-normalised embeddings.`,
    '',
    '| metric | value |',
    '|---|---|',
    `| genuine pairs (cosine) | ${stats(genuine)} |`,
    `| impostor pairs (cosine) | ${stats(impostor)} |`,
    `| AUC | ${roc.auc.toFixed(4)} |`,
    `| EER | ${(roc.eer * 100).toFixed(2)} % at cosine ${roc.eerThreshold.toFixed(3)} |`,
    `| TAR at FAR 1 % | ${(roc.tarAt(0.01).tar * 100).toFixed(1)} % (cosine >= ${roc.tarAt(0.01).threshold.toFixed(3)}) |`,
    `| TAR at FAR 0.1 % | ${(roc.tarAt(0.001).tar * 100).toFixed(1)} % (cosine >= ${roc.tarAt(0.001).threshold.toFixed(3)})${impostor.length < 1000 ? `; with ${impostor.length} impostor pairs FAR 0.1 % is below the resolution of this set (1 false match = ${(100 / impostor.length).toFixed(2)} %), so this is the zero-false-match point` : ''} |`,
    `| impostor cosine, Gaussian model | mean ${mean.toFixed(3)}, sd ${sd.toFixed(3)}; modelled 0.1 % tail starts at ${(mean + 3.09 * sd).toFixed(3)} |`,
    `| pairs without a usable face | ${failures.length}${failures.length ? `: ${failures.join('; ')}` : ''} |`,
    `| decodes+detections / cache reuses | ${preparerCounters().prepared} / ${preparerCounters().cacheHits} |`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  writeFileSync(path.join(projectRoot(), 'bench', 'facematch-eval.md'), lines.join('\n'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
