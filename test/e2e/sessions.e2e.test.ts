/** e2e (HTTP + workers + real modules): Veriff-style sessions, create -> media -> submit -> decision + webhook, and expiry. */
import type Redis from 'ioredis';
import { verifyWebhook } from '../../src/webhooks/webhook-signer';
import { api } from '../support/api-client';
import { describeWithImages, evalImage } from '../support/eval-images';
import { skipReasonWithoutLiveness } from '../support/liveness-module';
import { startService, ServiceProcess } from '../support/service-process';
import { TEST_INTEGRATIONS } from '../support/test-integrations';
import { cleanPrefix, testRedis, uniquePrefix } from '../support/test-redis';
import { ReceivedWebhook, WebhookReceiver } from '../support/webhook-receiver';

type SessionBody = { status: string; verification: { id: string; url: string; status: string; expiresAt: string; vendorData: string | null; attemptId: string | null } };
type Verification = { id: string; attemptId: string | null; status: string; code: number; reason: string | null; reasonCode: number | null; vendorData: string | null; endUserId: string | null; decisionTime: string; acceptanceTime: string; person: Record<string, null>; document: Record<string, null>; additionalVerifiedData: object; riskLabels: unknown[] };
type DecisionBody = { status: string; verification: Verification | null; technicalData: { ip: string | null } };

const TTL_SECONDS = 3;
const livenessSkip = skipReasonWithoutLiveness('Veriff-style session with the real liveness module');

describeWithImages('Veriff-style sessions', () => {
  const prefix = uniquePrefix('sessions-e2e');
  const receiver = new WebhookReceiver();
  let service: ServiceProcess;
  let redis: Redis;

  beforeAll(async () => {
    redis = testRedis();
    await receiver.start();
    service = await startService({ prefix, env: { SESSION_TTL_SECONDS: String(TTL_SECONDS), WEBHOOK_BACKOFF_MS: '100' } });
  });

  afterAll(async () => {
    await service?.stop();
    await receiver.stop();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });

  const createSession = async (resourceId: string, callbackPath: string, extra: Record<string, unknown> = {}) => {
    const res = await api<SessionBody>(service.url, 'POST', '/v1/sessions', { verification: { callback: `${receiver.url}${callbackPath}`, ...extra }, resourceId });
    expect(res.status).toBe(201);
    return res.body.verification;
  };
  const uploadFace = (id: string, image: Buffer) => api(service.url, 'POST', `/v1/sessions/${id}/media`, { image: { context: 'face', content: image.toString('base64') } });
  const submit = (id: string) => api<SessionBody>(service.url, 'PATCH', `/v1/sessions/${id}`, { verification: { status: 'submitted' } });
  const decision = (id: string) => api<DecisionBody>(service.url, 'GET', `/v1/sessions/${id}/decision`);
  async function pollDecision(id: string, timeoutMs = 20_000): Promise<DecisionBody> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await decision(id);
      expect(res.status).toBe(200);
      if (res.body.verification || Date.now() > deadline) return res.body;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const signedEvent = (hook: ReceivedWebhook) => {
    expect(verifyWebhook(TEST_INTEGRATIONS.integrator.secret, { timestamp: hook.headers['x-timestamp'] as string, signature: hook.headers['x-hmac-signature'] as string }, hook.body, Math.floor(Date.now() / 1000))).toEqual({ ok: true });
    return JSON.parse(hook.body) as { id: string; type: string; sessionId: string; verification: Verification };
  };

  async function fullSession(resourceId: string, path: string, selfie: Buffer) {
    const session = await createSession(resourceId, path, { vendorData: 'customer-42', endUserId: 'a1b2c35d-e8f7-6d5e-3cd2-a1b2c35db3d4' });
    expect(session).toMatchObject({ status: 'created', vendorData: 'customer-42', attemptId: null });
    expect(session.url).toContain(session.id);
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(0);
    expect((await decision(session.id)).body).toEqual({ status: 'success', verification: null, technicalData: { ip: expect.any(String) } });

    const media = await uploadFace(session.id, selfie);
    expect(media.status).toBe(200);
    expect(media.body).toMatchObject({ status: 'success', image: { context: 'face', mimetype: 'image/jpeg', size: selfie.length } });
    const submitted = await submit(session.id);
    expect(submitted.status).toBe(200);
    expect(submitted.body.verification).toMatchObject({ id: session.id, status: 'submitted', attemptId: expect.any(String) });
    // Submitting twice is harmless: same run.
    expect((await submit(session.id)).body.verification.attemptId).toBe(submitted.body.verification.attemptId);
    expect((await uploadFace(session.id, selfie)).body).toMatchObject({ code: 'SESSION_ALREADY_SUBMITTED' });

    const polled = await pollDecision(session.id);
    const v = polled.verification as Verification;
    expect(v).toMatchObject({ id: session.id, attemptId: submitted.body.verification.attemptId, vendorData: 'customer-42', endUserId: 'a1b2c35d-e8f7-6d5e-3cd2-a1b2c35db3d4', additionalVerifiedData: {}, riskLabels: [] });
    expect(v.person).toMatchObject({ firstName: null, lastName: null });
    expect(v.document).toMatchObject({ number: null, type: null });
    expect(Date.parse(v.decisionTime)).toBeGreaterThanOrEqual(Date.parse(v.acceptanceTime));
    const [hook] = await receiver.waitFor(path, 1);
    const event = signedEvent(hook as ReceivedWebhook);
    expect(event).toMatchObject({ sessionId: session.id, verification: { id: session.id, status: v.status, code: v.code } });
    return v;
  }

  it('image-quality journey: create -> media -> submit -> decision (seed 004) and signed webhook', async () => {
    const v = await fullSession('selfie-quality', '/quality', evalImage('live/deepface_img1.jpg'));
    expect(v).toMatchObject({ status: 'approved', code: 9001, reason: null, reasonCode: null });
  });

  (livenessSkip ? it.skip : it)('liveness-v1 journey: a real selfie through the real liveness module, codes from the journey routes', async () => {
    const v = await fullSession('selfie-liveness', '/liveness', evalImage('live/deepface_img1.jpg'));
    const expected: Record<string, [number, number | null]> = { approved: [9001, null], review: [9121, null], declined: [9102, 503], resubmission_requested: [9103, 605] };
    expect(Object.keys(expected)).toContain(v.status);
    expect([v.code, v.reasonCode]).toEqual(expected[v.status]);
  });

  it('sessions expire: 9104 expired without media, abandoned with media; both reported by webhook', async () => {
    const empty = await createSession('selfie-quality', '/expired');
    const started = await createSession('selfie-quality', '/abandoned');
    expect((await uploadFace(started.id, evalImage('live/deepface_img2.jpg'))).status).toBe(200);
    const [expiredHook] = await receiver.waitFor('/expired', 1, (TTL_SECONDS + 10) * 1000);
    const [abandonedHook] = await receiver.waitFor('/abandoned', 1, 10_000);
    expect(signedEvent(expiredHook as ReceivedWebhook)).toMatchObject({ type: 'decision', sessionId: empty.id, verification: { status: 'expired', code: 9104, attemptId: null } });
    expect(signedEvent(abandonedHook as ReceivedWebhook)).toMatchObject({ type: 'decision', sessionId: started.id, verification: { status: 'abandoned', code: 9104 } });
    expect((await decision(empty.id)).body.verification).toMatchObject({ status: 'expired', code: 9104, decisionTime: empty.expiresAt });
    expect((await decision(started.id)).body.verification).toMatchObject({ status: 'abandoned', code: 9104 });
    expect((await uploadFace(empty.id, evalImage('live/deepface_img2.jpg'))).body).toMatchObject({ statusCode: 410, code: 'SESSION_EXPIRED' });
    expect((await submit(started.id)).body).toMatchObject({ statusCode: 410, code: 'SESSION_EXPIRED' });
    expect(await redis.keys(`${prefix}:session-media:*`)).toEqual([]);
  });

  it('request problems: unknown journey, no media, bad context, other integration, bad id', async () => {
    expect((await api(service.url, 'POST', '/v1/sessions', { verification: {}, resourceId: 'nope' })).body).toMatchObject({ statusCode: 404, code: 'JOURNEY_NOT_FOUND' });
    expect((await api(service.url, 'POST', '/v1/sessions', { verification: {} })).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await api(service.url, 'POST', '/v1/sessions', { verification: { callback: 'javascript:alert(1)' }, resourceId: 'selfie-quality' })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const s = await createSession('selfie-quality', '/unused');
    expect((await submit(s.id)).body).toMatchObject({ statusCode: 422, code: 'SESSION_MEDIA_MISSING' });
    expect((await api(service.url, 'POST', `/v1/sessions/${s.id}/media`, { image: { context: 'document-front', content: 'aGVsbG8=' } })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await api(service.url, 'POST', `/v1/sessions/${s.id}/media`, { image: { context: 'face', content: '%%%' } })).body).toMatchObject({ code: 'IMAGE_NOT_BASE64' });
    expect((await api(service.url, 'PATCH', `/v1/sessions/${s.id}`, { verification: { status: 'approved' } })).body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await api(service.url, 'GET', `/v1/sessions/${s.id}/decision`, undefined, { 'x-auth-client': TEST_INTEGRATIONS.reviewer.key })).body).toMatchObject({ statusCode: 404, code: 'SESSION_NOT_FOUND' });
    expect((await api(service.url, 'GET', '/v1/sessions/not-a-uuid/decision')).body).toMatchObject({ code: 'SESSION_NOT_FOUND' });
  });
});
