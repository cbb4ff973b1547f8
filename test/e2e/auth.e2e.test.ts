/** e2e (HTTP + Redis, api role, no workers): request signatures, response signatures, scopes, rate limits. */
import { createHmac } from 'node:crypto';
import type Redis from 'ioredis';
import { api, selfieRun } from '../support/api-client';
import { startService, ServiceProcess } from '../support/service-process';
import { TEST_INTEGRATIONS } from '../support/test-integrations';
import { cleanPrefix, testRedis, uniquePrefix } from '../support/test-redis';

const hmac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('hex');
// A tiny valid PNG header is enough for intake on the api role; no worker decodes it here.
const PNG_64x64 = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.from([0, 0, 0, 64, 0, 0, 0, 64, 8, 2, 0, 0, 0]), Buffer.alloc(64)]);

describe('authentication and signing', () => {
  const prefix = uniquePrefix('auth-e2e');
  let service: ServiceProcess;
  let redis: Redis;
  const body = JSON.stringify(selfieRun('selfie-quality', PNG_64x64));
  const { integrator, reviewer } = TEST_INTEGRATIONS;

  beforeAll(async () => {
    redis = testRedis();
    service = await startService({ prefix, role: 'api', env: { RATE_LIMIT_PER_MINUTE: '15' } });
  });

  afterAll(async () => {
    await service?.stop();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });

  it('accepts a body signed with the integration secret, and signs the response (seed 004 headers)', async () => {
    const res = await api<{ runId: string }>(service.url, 'POST', '/v1/runs', body);
    expect(res.status).toBe(202);
    expect(res.headers.get('x-auth-client')).toBe(integrator.key);
    expect(res.headers.get('x-hmac-signature')).toBe(hmac(integrator.secret, res.text));
    const read = await api(service.url, 'GET', `/v1/runs/${res.body.runId}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('x-hmac-signature')).toBe(hmac(integrator.secret, read.text));
    // Errors raised by handlers are signed too.
    const missing = await api(service.url, 'GET', '/v1/runs/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-hmac-signature')).toBe(hmac(integrator.secret, missing.text));
  });

  it.each([
    ['no signature', { 'x-hmac-signature': '' }],
    ['a signature made with another secret', { 'x-hmac-signature': hmac('not-the-secret', body) }],
    ['a signature of another body', { 'x-hmac-signature': hmac(integrator.secret, body.replace('selfie-quality', 'selfie-quality@1')) }],
    ['a signature that is not hex', { 'x-hmac-signature': 'zz' }],
  ])('refuses a POST with %s: 401 1103 in seed 004 shape', async (_name, headers) => {
    const res = await api(service.url, 'POST', '/v1/runs', body, headers);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ status: 'fail', code: '1103', message: expect.stringContaining('X-HMAC-SIGNATURE') });
  });

  it('GET without a body signs the path and query (or, seed 004 style, the bare id)', async () => {
    const created = await api<{ runId: string }>(service.url, 'POST', '/v1/runs', body);
    const path = `/v1/runs/${created.body.runId}?waitMs=0`;
    expect((await api(service.url, 'GET', path, undefined, { 'x-hmac-signature': '' })).body).toMatchObject({ code: '1103' });
    expect((await api(service.url, 'GET', path, undefined, { 'x-hmac-signature': hmac(integrator.secret, '/v1/runs/other') })).status).toBe(401);
    expect((await api(service.url, 'GET', path, undefined, { 'x-hmac-signature': hmac(integrator.secret, created.body.runId) })).status).toBe(200);
    expect((await api(service.url, 'GET', path)).status).toBe(200);
  });

  it('enforces scopes after authentication: reviewer keys cannot create runs or sessions (403 1104)', async () => {
    const runs = await api(service.url, 'POST', '/v1/runs', body, { 'x-auth-client': reviewer.key });
    expect(runs.status).toBe(403);
    expect(runs.body).toMatchObject({ status: 'fail', code: '1104' });
    const sessions = await api(service.url, 'POST', '/v1/sessions', { verification: {}, resourceId: 'selfie-quality' }, { 'x-auth-client': reviewer.key });
    expect(sessions.body).toMatchObject({ status: 'fail', code: '1104' });
    // The integrator's secret does not sign for the reviewer's key.
    expect((await api(service.url, 'POST', '/v1/runs', body, { 'x-auth-client': reviewer.key }, integrator.secret)).body).toMatchObject({ code: '1103' });
    expect((await api(service.url, 'POST', '/v1/liveness/verify', { selfie: 'aGVsbG8=' }, { 'x-auth-client': reviewer.key })).status).toBe(403);
  });

  it('missing and unknown keys are 401 1101 / 1102; open routes need nothing', async () => {
    expect((await api(service.url, 'POST', '/v1/sessions', {}, { 'x-auth-client': '' })).body).toMatchObject({ status: 'fail', code: '1101' });
    expect((await api(service.url, 'GET', '/v1/webhook-deliveries', undefined, { 'x-auth-client': 'nope' })).body).toMatchObject({ status: 'fail', code: '1102' });
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });

  it('rate-limits per key: 429 1105 with Retry-After, other keys unaffected', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 35; i++) {
      const res = await api(service.url, 'GET', '/v1/webhook-deliveries', undefined, { 'x-auth-client': integrator.rotatedKey });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body).toMatchObject({ status: 'fail', code: '1105' });
        retryAfter = res.headers.get('retry-after');
      }
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    expect((await api(service.url, 'GET', '/v1/webhook-deliveries', undefined, { 'x-auth-client': reviewer.key })).status).toBe(200);
  });
});
