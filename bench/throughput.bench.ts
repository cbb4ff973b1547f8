/**
 * End-to-end throughput: selfies/s decided through HTTP -> Redis -> BullMQ -> worker processes ->
 * decision, for several worker layouts, on the selfie-liveness journey with the real models.
 * Usage: npm run bench (after the latency bench) or node dist/bench/throughput.bench.js [count]
 * Needs Redis (REDIS_URL) and a face photo (../shared/eval or BENCH_SELFIE=path.jpg).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import path from 'node:path';
import { Jimp } from 'jimp';
import Redis from 'ioredis';
import { machineFacts } from './machine-facts';
import { freePort } from '../src/net/free-port';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const COUNT = Number(process.argv[2] ?? 200);
const CONCURRENCY = 16;
const JOURNEY = process.env.BENCH_JOURNEY ?? 'selfie-liveness';

interface Layout {
  name: string;
  workers: number;
  threads: number;
}

const LAYOUTS: Layout[] = [
  { name: '1 worker process x 1 inference thread', workers: 1, threads: 1 },
  { name: '2 worker processes x 1 inference thread', workers: 2, threads: 1 },
  { name: '1 worker process x 2 inference threads', workers: 1, threads: 2 },
];

async function main(): Promise<void> {
  const selfie = await benchSelfie();
  const rows: string[] = [];
  for (const layout of LAYOUTS) {
    const result = await measure(layout, selfie);
    rows.push(`| ${layout.name} | ${COUNT} | ${result.seconds.toFixed(1)} | **${result.perSecond.toFixed(1)}** | ${result.p50} | ${result.p95} | ${result.outcomes} |`);
    process.stdout.write(`${rows[rows.length - 1]}\n`);
  }
  const latencyFile = path.join(ROOT, 'bench', 'liveness-latency.md');
  const latency = existsSync(latencyFile) ? readFileSync(latencyFile, 'utf8') : '_(run `npm run bench:liveness` for the per-stage latency table)_\n';
  const report = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString()}.`,
    `Machine: ${machineFacts()}.`,
    '',
    latency.trim(),
    '',
    '## End-to-end throughput',
    '',
    `${COUNT} selfies (a 640x480 JPEG of a real face), ${CONCURRENCY} concurrent clients, journey \`${JOURNEY}\`: POST /v1/runs then GET ?waitMs until decided.`,
    'One API process (role api) plus the worker processes below, all on this machine, Redis on loopback. Latency = POST to decision seen by the client.',
    '',
    '| layout | selfies | seconds | decided/s | p50 ms | p95 ms | outcomes |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(path.join(ROOT, 'bench', 'results.md'), report);
  process.stdout.write(`written bench/results.md\n`);
}

async function measure(layout: Layout, selfie: string): Promise<{ seconds: number; perSecond: number; p50: number; p95: number; outcomes: string }> {
  const prefix = `bench-${randomBytes(3).toString('hex')}`;
  const env = { REDIS_URL, REDIS_PREFIX: prefix, AUTH_DEV_MODE: 'true', INFERENCE_THREADS: String(layout.threads), NO_COLOR: '1' };
  const port = await freePort();
  const children: ChildProcess[] = [];
  try {
    children.push(await start(['--role', 'api'], { ...env, PORT: String(port), HOST: '127.0.0.1' }, /listening on/));
    for (let i = 0; i < layout.workers; i++) children.push(await start(['--role', 'worker'], env, /worker ready/));
    const base = `http://127.0.0.1:${port}`;
    // Every request carries different bytes (a JPEG comment with a counter): the workers cache a
    // prepared image by content hash, and identical selfies would skip decode and detection.
    let serial = 0;
    const body = () => JSON.stringify({ resourceId: JOURNEY, context: { subject: { biometrics: [{ selfieImage: withComment(selfie, `${layout.name}#${serial++}`) }] } } });
    // Warm-up: models load lazily per thread.
    for (let i = 0; i < layout.workers * layout.threads * 2; i++) await decideOne(base, body());
    const latencies: number[] = [];
    const outcomes = new Map<string, number>();
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < COUNT) {
          next += 1;
          const t = Date.now();
          const status = await decideOne(base, body());
          latencies.push(Date.now() - t);
          outcomes.set(status, (outcomes.get(status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
    return { seconds, perSecond: COUNT / seconds, p50: pct(0.5), p95: pct(0.95), outcomes: [...outcomes].map(([k, v]) => `${k} ${v}`).join(', ') };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

async function decideOne(base: string, body: string): Promise<string> {
  const headers = { 'content-type': 'application/json', 'x-auth-client': 'dev-key', 'x-hmac-signature': createHmac('sha256', 'dev-secret').update(body).digest('hex') };
  const created = (await (await fetch(`${base}/v1/runs`, { method: 'POST', headers, body })).json()) as { runId?: string };
  if (!created.runId) throw new Error(`run not created: ${JSON.stringify(created)}`);
  const getHeaders = { 'x-auth-client': 'dev-key', 'x-hmac-signature': createHmac('sha256', 'dev-secret').update(created.runId).digest('hex') };
  for (;;) {
    const run = (await (await fetch(`${base}/v1/runs/${created.runId}?waitMs=30000`, { headers: getHeaders })).json()) as { status: string; decision: { status: string } | null };
    if (run.status !== 'running') return run.decision?.status ?? run.status;
  }
}

/** The same JPEG with a COM segment right after SOI: valid, same pixels, different sha256. */
function withComment(jpegBase64: string, text: string): string {
  const jpeg = Buffer.from(jpegBase64, 'base64');
  const payload = Buffer.from(text);
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]).toString('base64');
}

async function benchSelfie(): Promise<string> {
  const file = process.env.BENCH_SELFIE ?? path.join(ROOT, '..', 'shared', 'eval', 'live', 'deepface_img1.jpg');
  if (!existsSync(file)) throw new Error(`no selfie for the benchmark at ${file}; set BENCH_SELFIE`);
  const image = await Jimp.read(readFileSync(file));
  image.cover({ w: 640, h: 480 });
  return (await image.getBuffer('image/jpeg', { quality: 90 })).toString('base64');
}

function start(args: string[], env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const onData = (d: Buffer) => {
      log += d.toString();
      if (ready.test(log)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}:\n${log}`)));
  });
}


main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
