/**
 * e2e: the reviewer REST API on the built service. A dim selfie routes selfie-quality to review;
 * reviewers list, claim, fetch evidence through a signed URL and decide; leases lapse and return
 * the task; double and unclaimed decisions are refused; the run carries the decision and audit.
 */
import type Redis from 'ioredis';
import { api, selfieRun } from '../support/api-client';
import { describeWithImages } from '../support/eval-images';
import { AS_REVIEWER, createReviewRun, eventually, reviewSelfie } from '../support/review-support';
import { startService, ServiceProcess } from '../support/service-process';
import { cleanPrefix, testRedis, uniquePrefix } from '../support/test-redis';

type Task = { taskId: string; runId: string; state: string; outcome: string; journey: string; overSla: boolean; claimedBy: string | null; ageSeconds: number };
type RunBody = { status: string; decision: { status: string; code: number; reasonCode: number | null; reason: string | null; decidedBy: string; decidedAt: string } | null; review: Record<string, unknown> | null };

describeWithImages('manual review: REST API', () => {
  const prefix = uniquePrefix('review-api');
  let service: ServiceProcess;
  let redis: Redis;

  beforeAll(async () => {
    redis = testRedis();
    await reviewSelfie();
    service = await startService({ prefix, env: { REVIEW_LEASE_SECONDS: '2', REVIEW_SWEEP_INTERVAL_MS: '300', REVIEW_SLA_SECONDS: '1', REVIEW_URL_TTL_SECONDS: '5' } });
  });

  afterAll(async () => {
    await service?.stop();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });

  const asReviewer = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => api<T>(service.url, method, path, body, AS_REVIEWER);

  it('routes to review, lists the task oldest first, and decides it once through a claim', async () => {
    const first = await createReviewRun(service.url);
    const second = await createReviewRun(service.url);

    const list = await asReviewer<{ tasks: Task[] }>('GET', '/v1/reviews/tasks?journey=selfie-quality&outcome=Review');
    expect(list.status).toBe(200);
    const ids = list.body.tasks.map((t) => t.taskId);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect(list.body.tasks.find((t) => t.taskId === first)).toMatchObject({ runId: first, state: 'open', outcome: 'Review', journey: 'selfie-quality@1' });
    expect((await asReviewer<{ tasks: Task[] }>('GET', '/v1/reviews/tasks?outcome=Fail')).body.tasks).toEqual([]);

    // Integrators cannot see or decide reviews; reviewers cannot create runs.
    expect((await api(service.url, 'GET', '/v1/reviews/tasks')).status).toBe(403);
    expect((await api(service.url, 'POST', `/v1/reviews/tasks/${first}/decision`, { decision: 'approved' })).body).toMatchObject({ code: '1104' });
    expect((await api(service.url, 'POST', '/v1/runs', selfieRun('selfie-quality', await reviewSelfie()), AS_REVIEWER)).status).toBe(403);

    // Not claimed -> 409.
    expect((await asReviewer('POST', `/v1/reviews/tasks/${first}/decision`, { decision: 'approved' })).body).toMatchObject({ statusCode: 409, code: 'REVIEW_NOT_CLAIMED' });

    const claim = await asReviewer<{ leaseId: string; leaseExpiresAt: string; claimedBy: string }>('POST', `/v1/reviews/tasks/${first}/claim`, { reviewer: 'alice' });
    expect(claim.status).toBe(200);
    expect(claim.body.claimedBy).toBe('alice');
    // Someone else cannot take a live claim, nor decide it.
    expect((await asReviewer('POST', `/v1/reviews/tasks/${first}/claim`, { reviewer: 'bob' })).body).toMatchObject({ code: 'REVIEW_CLAIMED_BY_OTHER' });
    expect((await asReviewer('POST', `/v1/reviews/tasks/${first}/decision`, { decision: 'approved', leaseId: 'guess' })).body).toMatchObject({ code: 'REVIEW_CLAIMED_BY_OTHER' });

    // Reason codes are checked against the decision (seed 000).
    expect((await asReviewer('POST', `/v1/reviews/tasks/${first}/decision`, { leaseId: claim.body.leaseId, decision: 'declined' })).body).toMatchObject({ statusCode: 400, code: 'REASON_CODE_REQUIRED' });
    expect((await asReviewer('POST', `/v1/reviews/tasks/${first}/decision`, { leaseId: claim.body.leaseId, decision: 'declined', reasonCode: 204 })).body).toMatchObject({ code: 'REASON_CODE_INVALID' });
    expect((await asReviewer('POST', `/v1/reviews/tasks/${first}/decision`, { leaseId: claim.body.leaseId, decision: 'maybe' })).body).toMatchObject({ code: 'VALIDATION_FAILED' });

    const decided = await asReviewer<{ run: RunBody }>('POST', `/v1/reviews/tasks/${first}/decision`, { leaseId: claim.body.leaseId, decision: 'declined', reasonCode: 515, note: 'phone screen visible at the edge' });
    expect(decided.status).toBe(200);
    expect(decided.body.run.status).toBe('decided');

    // Twice -> 409, and the run is unchanged.
    expect((await asReviewer('POST', `/v1/reviews/tasks/${first}/decision`, { leaseId: claim.body.leaseId, decision: 'approved' })).body).toMatchObject({ code: 'REVIEW_ALREADY_DECIDED' });
    const run = await api<RunBody>(service.url, 'GET', `/v1/runs/${first}`);
    expect(run.body.status).toBe('decided');
    expect(run.body.decision).toMatchObject({ status: 'declined', code: 9102, reasonCode: 515, reason: 'Declined - Attempted deceit, device screen used for face image', decidedBy: 'alice' });
    expect(run.body.review).toMatchObject({ taskId: first, via: 'api', reviewer: 'alice', integration: 'review-desk', decision: 'declined', reasonCode: 515, note: 'phone screen visible at the edge', overSla: expect.any(Boolean) });
    expect(run.body.review?.waitedMs).toEqual(expect.any(Number));
    expect(Date.parse(String(run.body.review?.claimedAt))).toBeLessThanOrEqual(Date.parse(run.body.decision!.decidedAt));
    // The decision released the images and took the task out of the pool.
    expect(await redis.keys(`${prefix}:evidence:${first}:*`)).toEqual([]);
    expect((await asReviewer<{ tasks: Task[] }>('GET', '/v1/reviews/tasks?state=all')).body.tasks.map((t) => t.taskId)).not.toContain(first);
    expect(await redis.exists(`${prefix}:bull:manual-review:${first}`)).toBe(0);
  });

  it('serves the evidence through a short-lived signed URL, never cached', async () => {
    const runId = await createReviewRun(service.url);
    const task = await asReviewer<{ evidence: { name: string; kind: string; url: string }[]; explanation: { summary: string; capabilities: { name: string; meaning: string }[]; rules: { fired: boolean }[] } }>('GET', `/v1/reviews/tasks/${runId}`);
    expect(task.status).toBe(200);
    const selfie = task.body.evidence.find((e) => e.kind === 'selfie');
    expect(selfie?.url).toMatch(/^\/v1\/reviews\/evidence\//);
    expect(task.body.explanation.summary).toContain('Review');
    expect(task.body.explanation.capabilities.find((c) => c.name === 'qualityScore')?.meaning).toMatch(/0-100/);
    expect(task.body.explanation.rules.filter((r) => r.fired)).toHaveLength(1);

    const image = await fetch(`${service.url}${selfie!.url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.from(await image.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // Change the signature's first character to a different one (a fixed '0' would be a no-op 1 time in 16).
    const tamperedUrl = selfie!.url.replace(/sig=(.)/, (_m, c: string) => `sig=${c === '0' ? '1' : '0'}`);
    expect(tamperedUrl).not.toBe(selfie!.url);
    const tampered = await fetch(`${service.url}${tamperedUrl}`);
    expect(tampered.status).toBe(403);
    expect(await tampered.json()).toMatchObject({ code: 'EVIDENCE_LINK_INVALID' });
    await new Promise((r) => setTimeout(r, 5200));
    expect((await fetch(`${service.url}${selfie!.url}`)).status).toBe(410);
  });

  it('a lease that lapses returns the task to the pool; the late decision is 409 REVIEW_LEASE_EXPIRED', async () => {
    const runId = await createReviewRun(service.url);
    const claim = await asReviewer<{ leaseId: string }>('POST', `/v1/reviews/tasks/${runId}/claim`, { reviewer: 'carol' });
    expect((await asReviewer<{ tasks: Task[] }>('GET', '/v1/reviews/tasks?state=claimed')).body.tasks.find((t) => t.taskId === runId)).toMatchObject({ claimedBy: 'carol' });
    // The sweeper (every 300 ms) returns it once the 2 s lease lapses.
    await eventually(async () => (await redis.hget(`${prefix}:review:task:${runId}`, 'state')) === 'open', 6000, 'the lease to lapse');
    expect((await asReviewer<{ tasks: Task[] }>('GET', '/v1/reviews/tasks')).body.tasks.find((t) => t.taskId === runId)).toMatchObject({ state: 'open', claimedBy: null });
    expect((await asReviewer('POST', `/v1/reviews/tasks/${runId}/decision`, { leaseId: claim.body.leaseId, decision: 'approved' })).body).toMatchObject({ code: 'REVIEW_LEASE_EXPIRED' });

    // Another reviewer takes it over; releasing hands it back at once.
    const dave = await asReviewer<{ leaseId: string }>('POST', `/v1/reviews/tasks/${runId}/claim`, { reviewer: 'dave' });
    expect((await asReviewer('POST', `/v1/reviews/tasks/${runId}/release`, { leaseId: dave.body.leaseId })).status).toBe(200);
    const again = await asReviewer<{ leaseId: string }>('POST', `/v1/reviews/tasks/${runId}/claim`, { reviewer: 'dave' });
    const ok = await asReviewer<{ run: RunBody }>('POST', `/v1/reviews/tasks/${runId}/decision`, { leaseId: again.body.leaseId, decision: 'approved' });
    expect(ok.body.run).toMatchObject({ status: 'decided', decision: { status: 'approved', code: 9001, reasonCode: null, decidedBy: 'dave' } });
  });

  it('flags tasks over the SLA and reports review metrics per journey', async () => {
    const runId = await createReviewRun(service.url);
    await new Promise((r) => setTimeout(r, 1200));
    const listed = (await asReviewer<{ tasks: Task[] }>('GET', '/v1/reviews/tasks')).body.tasks.find((t) => t.taskId === runId);
    expect(listed?.overSla).toBe(true);
    const metrics = await asReviewer<{ slaSeconds: number; journeys: { journey: string; openTasks: number; oldestTaskAgeSeconds: number; overSlaTasks: number; medianTimeToDecisionSeconds: number; decidedRecently: number }[] }>('GET', '/v1/reviews/metrics');
    expect(metrics.status).toBe(200);
    const j = metrics.body.journeys.find((x) => x.journey === 'selfie-quality');
    expect(j).toMatchObject({ openTasks: expect.any(Number), overSlaTasks: expect.any(Number), medianTimeToDecisionSeconds: expect.any(Number) });
    expect(j!.openTasks).toBeGreaterThanOrEqual(1);
    expect(j!.oldestTaskAgeSeconds).toBeGreaterThanOrEqual(1);
    expect(j!.decidedRecently).toBeGreaterThanOrEqual(2);
    await eventually(async () => service.output().includes(`run ${runId}: review task waiting`), 3000, 'the SLA warning');
  });

  it('unknown tasks are 404 REVIEW_TASK_NOT_FOUND', async () => {
    expect((await asReviewer('GET', '/v1/reviews/tasks/00000000-0000-4000-8000-000000000000')).body).toMatchObject({ statusCode: 404, code: 'REVIEW_TASK_NOT_FOUND' });
  });
});
