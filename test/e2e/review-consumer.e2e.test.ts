/**
 * e2e: the `manual-review` BullMQ queue. The shipped example consumer (dist/scripts/review-consumer.js,
 * a plain Worker in its own process) decides; the engine applies its return value. Also: a
 * result returned while the engine was down is applied after restart, the REST path and a
 * consumer never both decide one run, open tasks survive restarts, and unreviewed runs expire.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import type Redis from 'ioredis';
import { api } from '../support/api-client';
import { describeWithImages } from '../support/eval-images';
import { AS_REVIEWER, createReviewRun, eventually, reviewSelfie } from '../support/review-support';
import { startService, ServiceProcess } from '../support/service-process';
import { cleanPrefix, TEST_REDIS_URL, testRedis, uniquePrefix } from '../support/test-redis';

type RunBody = { status: string; decision: { status: string; code: number; reasonCode: number | null; decidedBy: string } | null; review: Record<string, unknown> | null };
const CONSUMER = path.resolve(__dirname, '..', '..', 'dist', 'scripts', 'review-consumer.js');
const connection = { url: TEST_REDIS_URL } as never;

describeWithImages('manual review: queue consumers, restarts and expiry', () => {
  const prefix = uniquePrefix('review-queue');
  let service: ServiceProcess | null = null;
  let consumer: ChildProcess | null = null;
  let redis: Redis;
  let queue: Queue;

  beforeAll(async () => {
    redis = testRedis();
    queue = new Queue('manual-review', { connection, prefix });
    await reviewSelfie();
  });

  afterAll(async () => {
    consumer?.kill('SIGKILL');
    await service?.stop();
    await queue.close();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });

  const waitDecided = async (runId: string) =>
    eventually(async () => {
      const run = await api<RunBody>(service!.url, 'GET', `/v1/runs/${runId}`);
      return run.body.status === 'decided' ? run.body : null;
    }, 20_000, `run ${runId} to be decided`);

  it('the shipped example consumer decides through the queue, with no image bytes in the job', async () => {
    service = await startService({ prefix, env: { REVIEW_SWEEP_INTERVAL_MS: '300' } });
    const runId = await createReviewRun(service.url);
    const job = await queue.getJob(runId);
    expect(job?.data).toMatchObject({ taskId: runId, runId, journey: { id: 'selfie-quality', version: 1 }, stepId: 'quality', outcome: 'Review', evidence: [{ name: 'biometrics-0-selfieImage', kind: 'selfie' }] });
    expect(JSON.stringify(job?.data).length).toBeLessThan(4000);

    let out = '';
    consumer = spawn(process.execPath, [CONSUMER], { env: { ...process.env, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, REVIEWER: 'second-opinion-bot' }, stdio: ['ignore', 'pipe', 'pipe'] });
    consumer.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    consumer.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    const run = await waitDecided(runId);
    expect(run.decision).toMatchObject({ status: 'resubmission_requested', code: 9103, reasonCode: 204, decidedBy: 'second-opinion-bot' });
    expect(run.review).toMatchObject({ via: 'queue', reviewer: 'second-opinion-bot', note: expect.stringContaining('TOO_DARK'), decision: 'resubmission_requested' });
    expect(out).toContain(`run ${runId} -> resubmission_requested`);
    // Applied and cleaned up: the completed job is gone, and the task left the pool.
    await eventually(async () => (await queue.getJob(runId)) === undefined, 5000, 'the job to be removed');
    expect((await api<{ tasks: unknown[] }>(service.url, 'GET', '/v1/reviews/tasks?state=all', undefined, AS_REVIEWER)).body.tasks).toEqual([]);
    consumer.kill('SIGTERM');
    await new Promise((r) => consumer!.once('exit', r));
    consumer = null;
  });

  it('a consumer result returned while the engine is down is applied after restart; open tasks survive restarts', async () => {
    const decidedLater = await createReviewRun(service!.url);
    const leftOpen = await createReviewRun(service!.url);
    await service!.stop();
    service = null;

    // A plain in-process consumer decides one task while no engine process runs.
    const worker = new Worker('manual-review', async (job) => (job.id === decidedLater ? { decision: 'declined', reasonCode: 106, note: 'matches a known fraud ring', reviewer: 'fraud-desk' } : new Promise(() => undefined)), {
      connection,
      prefix,
      autorun: false,
    });
    const done = new Promise<void>((resolve) => worker.on('completed', (job) => (job.id === decidedLater ? resolve() : undefined)));
    void worker.run();
    await done;
    await worker.close(true);

    service = await startService({ prefix, env: { REVIEW_SWEEP_INTERVAL_MS: '300' } });
    const run = await waitDecided(decidedLater);
    expect(run.decision).toMatchObject({ status: 'declined', code: 9102, reasonCode: 106, decidedBy: 'fraud-desk' });
    // The other task is still there, and still on the queue.
    const list = await api<{ tasks: { taskId: string }[] }>(service.url, 'GET', '/v1/reviews/tasks?state=all', undefined, AS_REVIEWER);
    expect(list.body.tasks.map((t) => t.taskId)).toEqual([leftOpen]);
    expect(await queue.getJob(leftOpen)).toBeDefined();
  });

  it('REST and consumer on one task: exactly one decision wins, the other is refused or ignored', async () => {
    const runId = (await api<{ tasks: { taskId: string }[] }>(service!.url, 'GET', '/v1/reviews/tasks', undefined, AS_REVIEWER)).body.tasks[0]!.taskId;
    const claim = await api<{ leaseId: string }>(service!.url, 'POST', `/v1/reviews/tasks/${runId}/claim`, { reviewer: 'erin' }, AS_REVIEWER);
    const worker = new Worker('manual-review', async () => ({ decision: 'approved', reviewer: 'racing-bot' }), { connection, prefix });
    const rest = await api<{ run: RunBody }>(service!.url, 'POST', `/v1/reviews/tasks/${runId}/decision`, { leaseId: claim.body.leaseId, decision: 'declined', reasonCode: 105 }, AS_REVIEWER);
    await new Promise((r) => setTimeout(r, 1500));
    await worker.close();
    const run = await waitDecided(runId);
    // Whichever came first, there is one decision and the audit names its channel.
    if (rest.status === 200) expect(run).toMatchObject({ decision: { status: 'declined', reasonCode: 105, decidedBy: 'erin' }, review: { via: 'api' } });
    else {
      expect(rest.body).toMatchObject({ code: 'REVIEW_ALREADY_DECIDED' });
      expect(run).toMatchObject({ decision: { status: 'approved', decidedBy: 'racing-bot' }, review: { via: 'queue' } });
    }
    expect(service!.output().match(new RegExp(`run ${runId} decided`, 'g'))).toHaveLength(1);
  });

  it('a run nobody reviews is decided expired (9104) by the sweep', async () => {
    await service!.stop();
    service = await startService({ prefix, env: { REVIEW_SWEEP_INTERVAL_MS: '300', REVIEW_EXPIRY_SECONDS: '3' } });
    const runId = await createReviewRun(service.url);
    const run = await waitDecided(runId);
    expect(run.decision).toMatchObject({ status: 'expired', code: 9104, reasonCode: null, decidedBy: 'system' });
    expect(run.review).toMatchObject({ via: 'expiry', reviewer: null, decision: 'expired' });
    expect(await redis.keys(`${prefix}:evidence:${runId}:*`)).toEqual([]);
    expect((await api(service.url, 'POST', `/v1/reviews/tasks/${runId}/claim`, {}, AS_REVIEWER)).body).toMatchObject({ statusCode: 409, code: 'REVIEW_EXPIRED' });
  });
});
