/** e2e: HTTP -> Redis -> BullMQ -> worker thread -> decision, on the shipped selfie-quality journey. */
import type Redis from 'ioredis';
import { api, selfieRun } from '../support/api-client';
import { describeWithImages, evalImage } from '../support/eval-images';
import { withBrightness } from '../support/image-variants';
import { startService, ServiceProcess } from '../support/service-process';
import { TEST_INTEGRATIONS } from '../support/test-integrations';
import { cleanPrefix, testRedis, uniquePrefix } from '../support/test-redis';

type RunBody = { runId: string; status: string; decision: { status: string; code: number; reasonCode: number | null } | null; steps: { outcome: string; reason: string | null; capabilities: Record<string, unknown> }[] };

describeWithImages('runs API end to end (selfie-quality)', () => {
  const prefix = uniquePrefix('runs-e2e');
  let service: ServiceProcess;
  let redis: Redis;

  beforeAll(async () => {
    redis = testRedis();
    service = await startService({ prefix, env: { MAX_IMAGE_BYTES: String(3 * 1024 * 1024) } });
  });

  afterAll(async () => {
    await service?.stop();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });

  async function decide(selfie: Buffer | string): Promise<RunBody> {
    const created = await api<{ runId: string; status: string; resourceId: string }>(service.url, 'POST', '/v1/runs', selfieRun('selfie-quality', selfie));
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ status: 'running', resourceId: 'selfie-quality' });
    const run = await api<RunBody>(service.url, 'GET', `/v1/runs/${created.body.runId}?waitMs=20000`);
    expect(run.status).toBe(200);
    return run.body;
  }

  it('Success -> approved 9001', async () => {
    const run = await decide(evalImage('live/deepface_img1.jpg'));
    expect(run.status).toBe('decided');
    expect(run.steps[0]?.outcome).toBe('Success');
    expect(run.decision).toMatchObject({ status: 'approved', code: 9001 });
    expect(run.steps[0]?.capabilities).toMatchObject({ width: 1382, height: 1868 });
  });

  it('Review -> review 9121 (a dim photo)', async () => {
    const run = await decide(await withBrightness(evalImage('live/deepface_img1.jpg'), 0.3));
    expect(run.steps[0]?.outcome).toBe('Review');
    expect(run.status).toBe('review');
    expect(run.decision).toMatchObject({ status: 'review', code: 9121 });
  });

  it('Fail -> resubmission_requested 9103 / 204 (a nearly black photo)', async () => {
    const run = await decide(await withBrightness(evalImage('live/deepface_img1.jpg'), 0.15));
    expect(run.steps[0]?.outcome).toBe('Fail');
    expect(run.decision).toMatchObject({ status: 'resubmission_requested', code: 9103, reasonCode: 204 });
  });

  it('ERROR -> resubmission_requested 9103 / 605 (a truncated JPEG only the full decode catches)', async () => {
    const run = await decide(evalImage('corrupt/truncated_3k.jpg'));
    expect(run.steps[0]).toMatchObject({ outcome: 'ERROR', reason: 'IMAGE_CORRUPT' });
    expect(run.decision).toMatchObject({ status: 'resubmission_requested', code: 9103, reasonCode: 605 });
  });

  it('deletes the images once the run is decided', async () => {
    const run = await decide(evalImage('live/deepface_img2.jpg'));
    expect(run.status).toBe('decided');
    expect(await redis.keys(`${prefix}:evidence:${run.runId}:*`)).toEqual([]);
  });

  it('Idempotency-Key: same key and body -> same run; same key, other body -> 409', async () => {
    const body = selfieRun('selfie-quality@1', evalImage('live/deepface_img3.jpg'));
    const first = await api<{ runId: string }>(service.url, 'POST', '/v1/runs', body, { 'idempotency-key': 'order-42' });
    const again = await api<{ runId: string }>(service.url, 'POST', '/v1/runs', body, { 'idempotency-key': 'order-42' });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.runId).toBe(first.body.runId);
    const other = await api(service.url, 'POST', '/v1/runs', selfieRun('selfie-quality@1', evalImage('live/deepface_img4.jpg')), { 'idempotency-key': 'order-42' });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('waitMs: waits for the decision, is bounded, and is validated', async () => {
    const created = await api<{ runId: string }>(service.url, 'POST', '/v1/runs', selfieRun('selfie-quality', evalImage('live/deepface_img5.jpg')));
    const waited = await api<RunBody>(service.url, 'GET', `/v1/runs/${created.body.runId}?waitMs=20000`);
    expect(waited.body.status).not.toBe('running');
    const started = Date.now();
    const clamped = await api<RunBody>(service.url, 'GET', `/v1/runs/${created.body.runId}?waitMs=999999999`);
    expect(clamped.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await api(service.url, 'GET', `/v1/runs/${created.body.runId}?waitMs=-5`)).body).toMatchObject({ code: 'INVALID_WAIT' });
  });

  it.each([
    ['unknown journey', 404, 'JOURNEY_NOT_FOUND', () => selfieRun('no-such-journey', evalImage('live/deepface_img1.jpg'))],
    ['missing biometrics', 400, 'VALIDATION_FAILED', () => ({ resourceId: 'selfie-quality', context: { subject: {} } })],
    ['empty biometrics', 400, 'VALIDATION_FAILED', () => ({ resourceId: 'selfie-quality', context: { subject: { biometrics: [] } } })],
    ['unknown field', 400, 'VALIDATION_FAILED', () => ({ ...selfieRun('selfie-quality', 'aGVsbG8='), extra: 1 })],
    ['selfie of the wrong type', 400, 'VALIDATION_FAILED', () => ({ resourceId: 'selfie-quality', context: { subject: { biometrics: [{ selfieImage: 42 }] } } })],
    ['not base64', 400, 'IMAGE_NOT_BASE64', () => selfieRun('selfie-quality', '%%%%')],
    ['empty image', 400, 'IMAGE_EMPTY', () => selfieRun('selfie-quality', 'data:image/png;base64,')],
    ['random bytes', 415, 'IMAGE_UNSUPPORTED_FORMAT', () => selfieRun('selfie-quality', evalImage('corrupt/random_bytes.jpg'))],
    ['a text file named .png', 415, 'IMAGE_UNSUPPORTED_FORMAT', () => selfieRun('selfie-quality', evalImage('corrupt/text.png'))],
    ['a WebP named .jpg', 415, 'IMAGE_UNSUPPORTED_FORMAT', () => selfieRun('selfie-quality', evalImage('live/deepface_img47.jpg'))],
    ['an image over MAX_IMAGE_BYTES', 413, 'IMAGE_TOO_LARGE', () => selfieRun('selfie-quality', Buffer.alloc(4 * 1024 * 1024, 0xff))],
    ['a body over the body limit', 413, 'PAYLOAD_TOO_LARGE', () => selfieRun('selfie-quality', Buffer.alloc(20 * 1024 * 1024, 0xff))],
    ['invalid JSON', 400, 'INVALID_JSON', () => '{"resourceId": '],
    ['an encrypted selfie on a plain journey', 422, 'ENCRYPTED_SELFIE_NOT_ACCEPTED', () => ({ resourceId: 'selfie-quality', context: { subject: { biometrics: [{ selfieImage: 'aGVsbG8=', selfieImageEncryption: true }] } } })],
  ])('%s -> %i %s', async (_name, status, code, body) => {
    const res = await api(service.url, 'POST', '/v1/runs', (body as () => unknown)());
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ statusCode: status, code });
    expect(typeof (res.body as { message: unknown }).message).toBe('string');
  });

  it('API keys: missing -> 401 1101, unknown -> 401 1102, reviewer key cannot create runs -> 403 1104, rotated key works', async () => {
    const body = selfieRun('selfie-quality', evalImage('live/deepface_img7.jpg'));
    const missing = await api(service.url, 'POST', '/v1/runs', body, { 'x-auth-client': '' });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ status: 'fail', code: '1101', message: expect.stringContaining('X-AUTH-CLIENT') });
    expect((await api(service.url, 'POST', '/v1/runs', body, { 'x-auth-client': 'nope' })).body).toMatchObject({ status: 'fail', code: '1102' });
    const reviewer = await api(service.url, 'POST', '/v1/runs', body, { 'x-auth-client': TEST_INTEGRATIONS.reviewer.key });
    expect(reviewer.status).toBe(403);
    expect(reviewer.body).toMatchObject({ status: 'fail', code: '1104' });
    expect((await api(service.url, 'POST', '/v1/runs', body, { 'x-auth-client': TEST_INTEGRATIONS.integrator.rotatedKey })).status).toBe(202);
  });

  it('an integration reads only its own runs (404 for others, reviewers see all), and Idempotency-Keys are per integration', async () => {
    const body = selfieRun('selfie-quality', evalImage('live/deepface_img8.jpg'));
    const mine = await api<{ runId: string }>(service.url, 'POST', '/v1/runs', body, { 'idempotency-key': 'shared-key' });
    const other = { 'x-auth-client': TEST_INTEGRATIONS.otherIntegrator.key };
    expect((await api(service.url, 'GET', `/v1/runs/${mine.body.runId}`, undefined, other)).body).toMatchObject({ code: 'RUN_NOT_FOUND' });
    expect((await api(service.url, 'GET', `/v1/runs/${mine.body.runId}`, undefined, { 'x-auth-client': TEST_INTEGRATIONS.reviewer.key })).status).toBe(200);
    expect((await api(service.url, 'GET', `/v1/runs/${mine.body.runId}`)).status).toBe(200);
    const theirs = await api<{ runId: string }>(service.url, 'POST', '/v1/runs', body, { ...other, 'idempotency-key': 'shared-key' });
    expect(theirs.status).toBe(202);
    expect(theirs.body.runId).not.toBe(mine.body.runId);
  });

  it('unknown runs are 404, and the service still serves after all the bad input', async () => {
    expect((await api(service.url, 'GET', '/v1/runs/00000000-0000-4000-8000-000000000000')).body).toMatchObject({ code: 'RUN_NOT_FOUND' });
    expect((await api(service.url, 'GET', '/v1/runs/not-a-uuid')).status).toBe(404);
    expect((await api(service.url, 'GET', '/health')).body).toMatchObject({ status: 'ok' });
    const run = await decide(evalImage('live/deepface_img6.jpg'));
    expect(run.decision).not.toBeNull();
  });
});
