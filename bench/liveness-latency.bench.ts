import { writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Jimp } from 'jimp';
import { analyzeSelfie } from '../modules/liveness-v1/liveness-analyzer';
import { loadLivenessModelSet } from '../modules/liveness-v1/liveness-model-set';
import type { Stage, StageTimings } from '../modules/liveness-v1/stage-timings';
import { toolSettings } from '../modules/liveness-v1/tool-settings';
import { clearPreparedImages } from '../src/inference/face/face-preparer';
import { projectRoot } from '../src/config/project-root';

/**
 * npm run bench:liveness -- [--image <selfie.jpg>] [--runs 200] [--out bench/liveness-latency.md]
 * Latency of liveness-v1 on one selfie re-encoded as 640x480, 1280x720 and 4032x3024 JPEGs
 * (made here with jimp from a real evaluation image, never written to disk), split by stage,
 * p50/p95 over --runs runs after a warm-up, one thread, as a worker thread would run it.
 */
const SIZES: [number, number][] = [[640, 480], [1280, 720], [4032, 3024]];
const STAGES: Stage[] = ['decode', 'resize', 'detect', 'landmarks', 'crop', 'liveness'];
const WARMUP = 10;

async function main(argv: string[]): Promise<void> {
  const source = option(argv, '--image') ?? path.resolve(projectRoot(), '../shared/eval/live/krz_1.jpg');
  const runs = Number(option(argv, '--runs') ?? 200);
  const out = option(argv, '--out') ?? 'bench/liveness-latency.md';
  const settings = toolSettings();
  const models = await loadLivenessModelSet(settings);
  const limits = { maxPixels: settings.maxImagePixels, minSide: settings.minImageSide };
  const original = await Jimp.read(source);

  const loadBefore = os.loadavg()[0] ?? NaN;
  const rows: string[] = [];
  for (const [width, height] of SIZES) {
    const jpeg = await original.clone().cover({ w: width, h: height }).getBuffer('image/jpeg', { quality: 90 });
    const samples: Record<Stage | 'total', number[]> = { decode: [], resize: [], detect: [], landmarks: [], crop: [], liveness: [], total: [] };
    let score: unknown;
    for (let i = 0; i < WARMUP + runs; i++) {
      const timings: StageTimings = {};
      // Every run must decode and detect: the per-thread prepared-image cache would hit otherwise.
      clearPreparedImages();
      const start = performance.now();
      const result = await analyzeSelfie(models, jpeg, limits, timings);
      const total = performance.now() - start;
      score = result.capabilities['livenessScore'];
      if (i < WARMUP) continue;
      for (const stage of STAGES) samples[stage].push(timings[stage] ?? 0);
      samples.total.push(total);
    }
    const cell = (xs: number[]): string => `${quantile(xs, 0.5).toFixed(1)} / ${quantile(xs, 0.95).toFixed(1)}`;
    rows.push(`| ${width}x${height} (${Math.round(jpeg.length / 1024)} KiB) | ${[...STAGES, 'total' as const].map((s) => cell(samples[s])).join(' | ')} | ${String(score)} |`);
    console.error(`${width}x${height}: done`);
  }

  const markdown = [
    '# liveness-v1 latency',
    '',
    `Command: \`LIVENESS_MODELS_DIR=${settings.livenessModelsDir} npm run bench:liveness -- --runs ${runs}\``,
    `Date: ${new Date().toISOString()}. Machine: ${os.cpus()[0]?.model ?? '?'}, ${os.cpus().length} cores (shared with other work), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, onnxruntime-node ${ortVersion()}, one thread per session.`,
    `Load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${(os.loadavg()[0] ?? NaN).toFixed(2)}: above ~1 another process shared the cores and the p95 (and p50) grow.`,
    `Models: ${models.description.models.map((m) => m.id).join(', ')}.`,
    `Input: ${path.basename(source)} re-encoded by jimp (cover-resized, JPEG quality 90) to each size; ${WARMUP} warm-up runs, then ${runs} runs.`,
    '',
    'Milliseconds, p50 / p95. decode = jimp (pure JS); resize = box-filter downscale to at most 1280 px; detect = detector incl. its input resize;',
    'landmarks = 68 points + pose + brightness/sharpness; crop = liveness crops to tensors; liveness = the liveness models.',
    '',
    `| size | ${[...STAGES, 'total'].join(' | ')} | livenessScore |`,
    `|---|${[...STAGES, 'total'].map(() => '---|').join('')}---|`,
    ...rows,
    '',
  ].join('\n');
  console.log(markdown);
  writeFileSync(out, markdown);
}

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

function ortVersion(): string {
  try {
    return (require('onnxruntime-node/package.json') as { version: string }).version;
  } catch {
    return '?';
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
