/**
 * e2e: a worker process SIGKILLed in the middle of a step job. BullMQ's stalled-job check hands the
 * job to a new worker; the deterministic job id and the run's compare-and-set make the run reach
 * its decision exactly once. API and workers are separate processes, as in a scaled deployment.
 */
import { Queue, QueueEvents } from 'bullmq';
import type Redis from 'ioredis';
import { api, selfieRun } from '../support/api-client';
import { describeWithImages, evalImage } from '../support/eval-images';
import { upscaled } from '../support/image-variants';
import { startService, ServiceProcess } from '../support/service-process';
import { cleanPrefix, TEST_REDIS_URL, testRedis, uniquePrefix } from '../support/test-redis';

describeWithImages('a worker killed mid-job', () => {
  const prefix = uniquePrefix('crash');
  // Short lock so the stalled job is noticed in seconds rather than the default 30 s.
  const workerEnv = { WORKER_LOCK_MS: '3000', WORKER_STALLED_INTERVAL_MS: '1000', MAX_IMAGE_BYTES: String(20 * 1024 * 1024) };
  const started: ServiceProcess[] = [];
  let redis: Redis;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    redis = testRedis();
    const connection = { url: TEST_REDIS_URL } as never;
    queue = new Queue('step-image-quality', { connection, prefix });
    events = new QueueEvents('step-image-quality', { connection, prefix });
  });

  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop('SIGKILL')));
    await events.close();
    await queue.close();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });

  it('loses no run and decides it exactly once after a new worker starts', async () => {
    const big = await upscaled(evalImage('live/deepface_img1.jpg'), 4200);
    const apiProcess = await startService({ prefix, role: 'api', env: workerEnv });
    started.push(apiProcess);
    const doomed = await startService({ prefix, role: 'worker', env: workerEnv });
    started.push(doomed);

    const created = await api<{ runId: string }>(apiProcess.url, 'POST', '/v1/runs', selfieRun('selfie-quality', big));
    expect(created.status).toBe(202);
    const runId = created.body.runId;

    // Kill the worker while it holds the job (decoding a 4200 px JPEG takes well over a second).
    const deadline = Date.now() + 20_000;
    while ((await queue.getActiveCount()) === 0) {
      if (Date.now() > deadline) throw new Error(`job never became active:\n${doomed.output()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await doomed.stop('SIGKILL')).toBeNull();
    const afterKill = await api<{ status: string }>(apiProcess.url, 'GET', `/v1/runs/${runId}`);
    expect(afterKill.body.status).toBe('running');

    const rescuer = await startService({ prefix, role: 'worker', env: workerEnv });
    started.push(rescuer);
    const run = await api<{ status: string; decision: { status: string; code: number } | null; steps: { stepId: string; status: string; outcome: string }[] }>(
      apiProcess.url,
      'GET',
      `/v1/runs/${runId}?waitMs=30000`,
    );
    expect(run.body.status).toBe('decided');
    expect(run.body.decision).toMatchObject({ status: 'approved', code: 9001 });
    expect(run.body.steps).toHaveLength(1);
    expect(run.body.steps[0]).toMatchObject({ stepId: 'quality', status: 'done', outcome: 'Success' });

    // Exactly once: one job for the step visit, completed once, and a second delivery is a no-op.
    const job = await queue.getJob(`${runId}.quality.1`);
    expect(job).toBeDefined();
    expect(await job!.getState()).toBe('completed');
    expect(job!.returnvalue).toEqual({ status: 'advanced', outcome: 'Success' });
    expect(rescuer.output()).toContain(`run ${runId} step quality#1`);
    await queue.add('step', { runId, stepId: 'quality', visit: 1 }, { jobId: `${runId}.quality.1.replay` });
    const replay = await queue.getJob(`${runId}.quality.1.replay`);
    expect(await replay!.waitUntilFinished(events, 15_000)).toEqual({ status: 'duplicate' });
    const again = await api<{ steps: unknown[]; decision: { decidedAt: string } }>(apiProcess.url, 'GET', `/v1/runs/${runId}`);
    expect(again.body.steps).toHaveLength(1);
    expect(again.body.decision.decidedAt).toBe((run.body.decision as unknown as { decidedAt: string }).decidedAt);
  });
});
