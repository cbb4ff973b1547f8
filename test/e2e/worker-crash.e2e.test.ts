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
    // The run is saved before the job is marked completed: wait for the job itself.
    expect(await job!.waitUntilFinished(events, 15_000)).toEqual({ status: 'advanced', outcome: 'Success' });
    expect(rescuer.output()).toContain(`run ${runId} step quality#1`);
    await queue.add('step', { runId, stepId: 'quality', visit: 1 }, { jobId: `${runId}.quality.1.replay` });
    const replay = await queue.getJob(`${runId}.quality.1.replay`);
    expect(await replay!.waitUntilFinished(events, 15_000)).toEqual({ status: 'duplicate' });
    const again = await api<{ steps: unknown[]; decision: { decidedAt: string } }>(apiProcess.url, 'GET', `/v1/runs/${runId}`);
    expect(again.body.steps).toHaveLength(1);
    expect(again.body.decision.decidedAt).toBe((run.body.decision as unknown as { decidedAt: string }).decidedAt);
  });

  it('SIGTERM lets the worker finish its active job before it exits (graceful shutdown)', async () => {
    const big = await upscaled(evalImage('live/deepface_img2.jpg'), 4200);
    const apiProcess = started[0]!;
    // Only the worker under test may take the job: stop the earlier ones.
    for (const earlier of started.slice(1)) await earlier.stop('SIGTERM');
    const worker = await startService({ prefix, role: 'worker', env: workerEnv });
    started.push(worker);
    const created = await api<{ runId: string }>(apiProcess.url, 'POST', '/v1/runs', selfieRun('selfie-quality', big));
    const runId = created.body.runId;
    const job = `${runId}.quality.1`;
    const deadline = Date.now() + 20_000;
    while (!(await queue.getJob(job)) || (await queue.getJob(job))!.processedOn === undefined) {
      if (Date.now() > deadline) throw new Error('job never started');
      await new Promise((r) => setTimeout(r, 10));
    }
    // Nest re-raises SIGTERM once shutdown is done, so the exit is by signal either way; what
    // matters is that the job finished in this worker, before it exited, without a redelivery.
    await worker.stop('SIGTERM');
    expect(worker.output()).toContain(`run ${runId} step quality#1`);
    const run = await api<{ status: string; steps: { attempts: number }[] }>(apiProcess.url, 'GET', `/v1/runs/${runId}`);
    expect(run.body.status).toBe('decided');
    expect(run.body.steps[0]?.attempts).toBe(1);
    const finished = await queue.getJob(job);
    expect(await finished!.getState()).toBe('completed');
    expect(finished!.stalledCounter).toBe(0);
  });
});
