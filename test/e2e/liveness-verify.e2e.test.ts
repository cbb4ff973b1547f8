/** e2e (HTTP + workers + real liveness-v1 module): POST /v1/liveness/verify, seeds 002 and 003. */
import type Redis from 'ioredis';
import { api } from '../support/api-client';
import { describeWithImages, evalImage } from '../support/eval-images';
import { skipReasonWithoutLiveness } from '../support/liveness-module';
import { startService, ServiceProcess } from '../support/service-process';
import { cleanPrefix, testRedis, uniquePrefix } from '../support/test-redis';

type VerifyBody = { verificationStatus: string; livenessScore: number; confidence: number; isLive: boolean; response: { live_score: number; pop_score: number }; outcome: string; errorCode?: number; code?: string };

import { livenessModelsAvailable } from '../support/models-dir';

const livenessSkip = skipReasonWithoutLiveness('POST /v1/liveness/verify on real images');

describeWithImages('POST /v1/liveness/verify', () => {
  const prefix = uniquePrefix('liveness-verify');
  let api503: ServiceProcess;
  let redis: Redis;

  beforeAll(async () => {
    redis = testRedis();
    // API role only: no worker will ever take the job.
    api503 = await startService({ prefix: `${prefix}-noworker`, role: 'api', env: { ANALYSIS_TIMEOUT_MS: '500' } });
  });

  afterAll(async () => {
    await api503?.stop();
    await cleanPrefix(redis, prefix);
    await cleanPrefix(redis, `${prefix}-noworker`);
    redis.disconnect();
  });

  it('answers 503 with seed 002 errorCode 5001 when no worker answers', async () => {
    const res = await api(api503.url, 'POST', '/v1/liveness/verify', { selfie: evalImage('live/deepface_img1.jpg').toString('base64') });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ statusCode: 503, code: 'ENGINE_UNAVAILABLE', errorCode: 5001 });
  });

  it('validates the request before any work: missing selfie 400, not an image 415', async () => {
    expect((await api(api503.url, 'POST', '/v1/liveness/verify', {})).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await api(api503.url, 'POST', '/v1/liveness/verify', { selfie: Buffer.from('not an image at all').toString('base64') })).body).toMatchObject({ statusCode: 415, code: 'IMAGE_UNSUPPORTED_FORMAT' });
  });

  (livenessSkip || !livenessModelsAvailable ? describe.skip : describe)('with workers and the real module', () => {
    let service: ServiceProcess;
    beforeAll(async () => {
      service = await startService({ prefix });
    });
    afterAll(async () => {
      await service?.stop();
    });

    it('a live selfie: seed 003 and seed 002 fields agree with the module outcome', async () => {
      const res = await api<VerifyBody>(service.url, 'POST', '/v1/liveness/verify', { selfie: evalImage('live/deepface_img1.jpg').toString('base64') });
      expect(res.status).toBe(200);
      const b = res.body;
      expect(b).toMatchObject({ verificationStatus: 'VERIFIED', isLive: true, outcome: 'Success' });
      expect(b.livenessScore).toBeGreaterThanOrEqual(75);
      expect(b.livenessScore).toBe(b.confidence);
      expect(b.response.live_score + b.response.pop_score).toBeCloseTo(b.livenessScore === 0 ? 0 : 100, 0);
      const expected: Record<string, string> = { Success: 'VERIFIED', Fail: 'NOT VERIFIED', Review: 'PENDING', ERROR: 'PENDING' };
      expect(b.verificationStatus).toBe(expected[b.outcome]);
      expect(b.isLive).toBe(b.outcome === 'Success');
      if (b.verificationStatus === 'NOT VERIFIED') expect(b).toMatchObject({ errorCode: 1009, code: 'LIVENESS_CONFIDENCE_TOO_LOW' });
    });

    it('a screen replay is 200 NOT VERIFIED with seed 002 errorCode 1009', async () => {
      const spoof = evalImage('spoof/ashish_2.jpg');
      const res = await api<VerifyBody>(service.url, 'POST', '/v1/liveness/verify', { selfie: spoof.toString('base64') });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ verificationStatus: 'NOT VERIFIED', errorCode: 1009, code: 'LIVENESS_CONFIDENCE_TOO_LOW', isLive: false, outcome: 'Fail' });
      expect(res.body.livenessScore).toBeLessThan(60);
      expect(res.body.livenessScore).toBeGreaterThan(0);
    });

    it('no face -> PENDING with a reason (inconclusive, not an attack)', async () => {
      const res = await api<VerifyBody & { reason: string | null }>(service.url, 'POST', '/v1/liveness/verify', { selfie: evalImage('noface/sf_framework.jpg').toString('base64') });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ verificationStatus: 'PENDING', livenessScore: 0, isLive: false, outcome: 'ERROR' });
    });
  });
});
