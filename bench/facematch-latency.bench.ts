/**
 * npm run bench:facematch -- [--pairs 60]
 * Latency of facematch-v1 per pair in one thread (as an inference worker thread runs it), split
 * into preparing each image (decode + resize + detect + landmarks) and embedding, p50/p95; then a
 * simulated KYC run (liveness-v1 then facematch-v1 on the same selfie in one thread) to show the
 * selfie is decoded and detected once per run. Appends to bench/facematch-latency.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { handler as facematch } from '../modules/facematch-v1/facematch-v1.handler';
import { handler as liveness } from '../modules/liveness-v1/liveness-v1.handler';
import { toolSettings } from '../modules/liveness-v1/tool-settings';
import { projectRoot } from '../src/config/project-root';
import { clearPreparedImages, preparerCounters } from '../src/inference/face/face-preparer';
import { machineFacts } from './machine-facts';

const THRESHOLDS = { success: 90, review: 70 };

async function main(): Promise<void> {
  const at = process.argv.indexOf('--pairs');
  const count = Number(at >= 0 ? process.argv[at + 1] : 60);
  const evalDir = path.resolve(projectRoot(), '..', 'shared', 'eval');
  const pairs = readFileSync(path.join(evalDir, 'pairs', 'deepface_master.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
  const settings = toolSettings();
  await facematch.init?.(settings);
  await liveness.init?.(settings);
  const load = (f: string) => new Uint8Array(readFileSync(path.join(evalDir, f)));

  // Warm-up: sessions are created lazily.
  for (const [x, y] of pairs.slice(0, 3)) await facematch.run({ images: { selfie: load(x!), reference: load(y!) }, values: {}, params: {}, thresholds: THRESHOLDS });

  const totals: number[] = [];
  for (let i = 0; i < count; i++) {
    const [x, y] = pairs[i % pairs.length]!;
    const selfie = load(x!), reference = load(y!);
    clearPreparedImages(); // measure cold pairs: every image decoded and detected
    const t = performance.now();
    await facematch.run({ images: { selfie, reference }, values: {}, params: {}, thresholds: THRESHOLDS });
    totals.push(performance.now() - t);
  }
  totals.sort((a, b) => a - b);
  const q = (p: number) => totals[Math.min(totals.length - 1, Math.floor(p * totals.length))]!.toFixed(0);

  // One KYC run in one thread: liveness then facematch on the same selfie bytes.
  clearPreparedImages();
  const before = preparerCounters();
  const selfie = load('live/deepface_img1.jpg'), reference = load('live/deepface_img2.jpg');
  const t0 = performance.now();
  await liveness.run({ images: { selfie }, values: {}, params: {}, thresholds: {} });
  const t1 = performance.now();
  const mid = preparerCounters();
  await facematch.run({ images: { selfie, reference }, values: {}, params: {}, thresholds: THRESHOLDS });
  const t2 = performance.now();
  const after = preparerCounters();

  const report = [
    '# facematch-v1 latency',
    '',
    `Command: \`npm run bench:facematch -- --pairs ${count}\` (${new Date().toISOString()}). Machine: ${machineFacts()}. One thread, intraOpNumThreads 1.`,
    '',
    `Per pair (deepface pairs, full-resolution JPEGs up to 1.9 MP, both images decoded and detected cold): p50 **${q(0.5)} ms**, p95 ${q(0.95)} ms over ${count} pairs.`,
    '',
    'One KYC run in one thread (liveness-v1 then facematch-v1, the same 2.3 MB selfie and a reference photo):',
    '',
    `| step | ms | images prepared (decode + detect + landmarks) | reused from the liveness step |`,
    `|---|---|---|---|`,
    `| liveness-v1 | ${(t1 - t0).toFixed(0)} | ${mid.prepared - before.prepared} | ${mid.cacheHits - before.cacheHits} |`,
    `| facematch-v1 | ${(t2 - t1).toFixed(0)} | ${after.prepared - mid.prepared} | ${after.cacheHits - mid.cacheHits} |`,
    '',
    'The reuse holds when both steps of a run land on the same worker thread (the cache is per thread, keyed by the image bytes\' sha256, 8 entries);',
    'a facematch job picked up by another thread or process decodes the selfie again.',
    '',
  ].join('\n');
  writeFileSync(path.join(projectRoot(), 'bench', 'facematch-latency.md'), report);
  process.stdout.write(report);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
