/** e2e (HTTP + workers + real image-quality module): signed decision webhooks, retries, failures, resend. */
import type Redis from 'ioredis';
import { verifyWebhook } from '../../src/webhooks/webhook-signer';
import { api, selfieRun } from '../support/api-client';
import { describeWithImages, evalImage } from '../support/eval-images';
import { withBrightness } from '../support/image-variants';
import { startService, ServiceProcess } from '../support/service-process';
import { TEST_INTEGRATIONS } from '../support/test-integrations';
import { cleanPrefix, testRedis, uniquePrefix } from '../support/test-redis';
import { ReceivedWebhook, WebhookReceiver } from '../support/webhook-receiver';

type Delivery = { eventId: string; status: string; attempts: number; lastStatusCode: number | null; resends: number; type: string; runId: string };

describeWithImages('webhooks', () => {
  const prefix = uniquePrefix('webhooks-e2e');
  const receiver = new WebhookReceiver();
  let service: ServiceProcess;
  let redis: Redis;

  beforeAll(async () => {
    redis = testRedis();
    await receiver.start();
    service = await startService({ prefix, env: { WEBHOOK_ATTEMPTS: '4', WEBHOOK_BACKOFF_MS: '100', WEBHOOK_TIMEOUT_MS: '2000' } });
  });

  afterAll(async () => {
    await service?.stop();
    await receiver.stop();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });

  async function runWithCallback(path: string, selfie: Buffer, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await api<{ runId: string }>(service.url, 'POST', '/v1/runs', { ...selfieRun('selfie-quality', selfie), callbackUrl: `${receiver.url}${path}`, ...extra });
    expect(res.status).toBe(202);
    return res.body.runId;
  }

  function expectSigned(hook: ReceivedWebhook): Record<string, unknown> {
    const check = verifyWebhook(TEST_INTEGRATIONS.integrator.secret, { timestamp: hook.headers['x-timestamp'] as string, signature: hook.headers['x-hmac-signature'] as string }, hook.body, Math.floor(Date.now() / 1000));
    expect(check).toEqual({ ok: true });
    const event = JSON.parse(hook.body) as Record<string, unknown>;
    expect(hook.headers['x-webhook-id']).toBe(event.id);
    return event;
  }

  async function delivery(eventId: string): Promise<Delivery> {
    return (await api<Delivery>(service.url, 'GET', `/v1/webhook-deliveries/${eventId}`)).body;
  }

  async function waitForDelivery(eventId: string, status: string): Promise<Delivery> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const d = await delivery(eventId);
      if (d.status === status || Date.now() > deadline) return d;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('POSTs a signed decision event (seed 000 payload, unique id) to the run callbackUrl', async () => {
    const runId = await runWithCallback('/ok', evalImage('live/deepface_img1.jpg'), { vendorData: 'order-7', endUserId: 'c1de400b-1877-4284-8494-071d37916197' });
    const [hook] = await receiver.waitFor('/ok', 1);
    const event = expectSigned(hook as ReceivedWebhook);
    expect(event).toMatchObject({
      type: 'decision',
      runId,
      status: 'success',
      verification: { id: runId, attemptId: runId, status: 'approved', code: 9001, vendorData: 'order-7', endUserId: 'c1de400b-1877-4284-8494-071d37916197', person: { firstName: null }, riskLabels: [] },
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    // A tampered body or an old timestamp fails the receiver's check.
    const h = hook as ReceivedWebhook;
    expect(verifyWebhook(TEST_INTEGRATIONS.integrator.secret, { timestamp: h.headers['x-timestamp'] as string, signature: h.headers['x-hmac-signature'] as string }, h.body.replace('approved', 'declined'), Date.now() / 1000)).toEqual({ ok: false, problem: 'bad-signature' });
    expect(verifyWebhook(TEST_INTEGRATIONS.integrator.secret, { timestamp: h.headers['x-timestamp'] as string, signature: h.headers['x-hmac-signature'] as string }, h.body, Math.floor(Date.now() / 1000) + 3600)).toEqual({ ok: false, problem: 'stale-timestamp' });
    expect(await waitForDelivery(event.id as string, 'delivered')).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, runId });
  });

  it('retries with backoff after the receiver fails twice (500, 503), then delivers once', async () => {
    receiver.script('/flaky', [500, 503, 200]);
    await runWithCallback('/flaky', evalImage('live/deepface_img2.jpg'));
    const hooks = await receiver.waitFor('/flaky', 3);
    const ids = hooks.map((h) => expectSigned(h).id);
    expect(new Set(ids).size).toBe(1);
    expect(hooks.map((h) => h.headers['x-webhook-attempt'])).toEqual(['1', '2', '3']);
    expect((hooks[2] as ReceivedWebhook).at - (hooks[0] as ReceivedWebhook).at).toBeGreaterThanOrEqual(100);
    expect(await waitForDelivery(ids[0] as string, 'delivered')).toMatchObject({ status: 'delivered', attempts: 3 });
    await new Promise((r) => setTimeout(r, 800));
    expect(receiver.on('/flaky')).toHaveLength(3);
  });

  it('does not retry a 400; lists it as failed; resends it on request with the same event id', async () => {
    receiver.script('/reject', [400]);
    const runId = await runWithCallback('/reject', evalImage('live/deepface_img3.jpg'));
    const [first] = await receiver.waitFor('/reject', 1);
    const eventId = expectSigned(first as ReceivedWebhook).id as string;
    expect(await waitForDelivery(eventId, 'failed')).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 400 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.on('/reject')).toHaveLength(1);

    const failed = await api<{ deliveries: Delivery[] }>(service.url, 'GET', '/v1/webhook-deliveries?status=failed');
    expect(failed.body.deliveries.map((d) => d.eventId)).toContain(eventId);
    expect(failed.body.deliveries.find((d) => d.eventId === eventId)).toMatchObject({ runId, lastStatusCode: 400 });
    // Another integration neither sees nor resends it.
    const asReviewer = { 'x-auth-client': TEST_INTEGRATIONS.reviewer.key };
    expect((await api<{ deliveries: Delivery[] }>(service.url, 'GET', '/v1/webhook-deliveries?status=failed', undefined, asReviewer)).body.deliveries).toEqual([]);
    expect((await api(service.url, 'POST', `/v1/webhook-deliveries/${eventId}/resend`, undefined, asReviewer)).status).toBe(404);

    receiver.script('/reject', [200]);
    const resent = await api(service.url, 'POST', `/v1/webhook-deliveries/${eventId}/resend`);
    expect(resent.status).toBe(202);
    const hooks = await receiver.waitFor('/reject', 2);
    expect(expectSigned(hooks[1] as ReceivedWebhook).id).toBe(eventId);
    expect(await waitForDelivery(eventId, 'delivered')).toMatchObject({ status: 'delivered', resends: 1 });
  });

  it('sends review-required when a run is routed to review', async () => {
    await runWithCallback('/review', await withBrightness(evalImage('live/deepface_img1.jpg'), 0.3));
    const [hook] = await receiver.waitFor('/review', 1);
    expect(expectSigned(hook as ReceivedWebhook)).toMatchObject({ type: 'review-required', verification: { status: 'review', code: 9121 } });
  });

  it('rejects a callbackUrl that is not http(s)', async () => {
    const res = await api(service.url, 'POST', '/v1/runs', { ...selfieRun('selfie-quality', 'aGVsbG8='), callbackUrl: 'ftp://127.0.0.1/x' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
