/** unit (no I/O): signing primitives, webhook verification, event ids, retry classification, decision payloads. */
import { destinationProblem, isPrivateAddress } from '../../src/webhooks/webhook-destination';
import { createHmac } from 'node:crypto';
import { hmacHex, verifyHmacHex } from '../../src/auth/hmac-signature';
import { signedPayloads } from '../../src/auth/signed-payload';
import type { Run } from '../../src/engine/run';
import { sessionDecision } from '../../src/sessions/session-decision';
import type { Session } from '../../src/sessions/session';
import { runWebhookEvent, webhookEventId } from '../../src/webhooks/webhook-event';
import { classifyStatus } from '../../src/webhooks/webhook-sender';
import { verifyWebhook, webhookSignature } from '../../src/webhooks/webhook-signer';

describe('request signatures', () => {
  it('is the hex HMAC-SHA256 of the payload (seed 004), compared case-insensitively and only as 64 hex digits', () => {
    const sig = hmacHex('s3cret', '{"a":1}');
    expect(sig).toBe(createHmac('sha256', 's3cret').update('{"a":1}').digest('hex'));
    expect(verifyHmacHex('s3cret', '{"a":1}', sig)).toBe(true);
    expect(verifyHmacHex('s3cret', '{"a":1}', sig.toUpperCase())).toBe(true);
    expect(verifyHmacHex('s3cret', '{"a": 1}', sig)).toBe(false);
    expect(verifyHmacHex('other', '{"a":1}', sig)).toBe(false);
    expect(verifyHmacHex('s3cret', '{"a":1}', sig.slice(0, 63))).toBe(false);
  });

  it('covers the raw body, or without one the path (and the bare :id, seed 004)', () => {
    expect(signedPayloads(Buffer.from('{}'), '/v1/runs', undefined)).toEqual([Buffer.from('{}')]);
    expect(signedPayloads(Buffer.alloc(0), '/v1/sessions/abc/decision', 'abc')).toEqual(['/v1/sessions/abc/decision', 'abc']);
    expect(signedPayloads(undefined, '/v1/webhook-deliveries?status=failed', undefined)).toEqual(['/v1/webhook-deliveries?status=failed']);
  });
});

describe('webhook signatures', () => {
  const body = '{"id":"e1"}';
  it('signs "<timestamp>.<body>" and receivers reject tampering and stale timestamps', () => {
    const sig = webhookSignature('k', 1_700_000_000, body);
    expect(sig).toBe(createHmac('sha256', 'k').update(`1700000000.${body}`).digest('hex'));
    expect(verifyWebhook('k', { timestamp: '1700000000', signature: sig }, body, 1_700_000_100)).toEqual({ ok: true });
    expect(verifyWebhook('k', { timestamp: '1700000001', signature: sig }, body, 1_700_000_100)).toEqual({ ok: false, problem: 'bad-signature' });
    expect(verifyWebhook('k', { timestamp: '1700000000', signature: sig }, body, 1_700_000_301)).toEqual({ ok: false, problem: 'stale-timestamp' });
    expect(verifyWebhook('k', { signature: sig }, body, 1_700_000_000)).toEqual({ ok: false, problem: 'missing-headers' });
  });

  it('retries network errors, 5xx, 408 and 429 only', () => {
    expect([200, 204, 408, 429, 500, 503, 400, 401, 404, 410, 301].map(classifyStatus)).toEqual(['delivered', 'delivered', 'retry', 'retry', 'retry', 'retry', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
  });
});

describe('webhook events', () => {
  const run: Run = {
    id: '11111111-1111-4111-8111-111111111111',
    resourceId: 'selfie-quality',
    journey: { id: 'selfie-quality', version: 1 },
    status: 'decided',
    createdAt: '2026-11-22T10:00:00.000Z',
    updatedAt: '2026-11-22T10:00:02.000Z',
    context: {},
    cursor: null,
    visits: {},
    steps: [],
    decision: { status: 'resubmission_requested', code: 9103, reasonCode: 204, reason: 'Resubmission requested - Poor image quality', decidedAt: '2026-11-22T10:00:02.000Z', decidedBy: 'engine' },
    origin: { integrationId: 'acme', callbackUrl: null, vendorData: 'v-1', endUserId: null, sessionId: null, acceptedAt: '2026-11-22T10:00:00.000Z', ip: '127.0.0.1' },
  };

  it('has a UUID-shaped id that is the same when a decision is re-applied, and differs per event', () => {
    const a = runWebhookEvent(run, 'decision', '2026-11-22T10:00:03.000Z');
    const b = runWebhookEvent(run, 'decision', '2026-11-22T10:09:00.000Z');
    expect(a?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a?.id).toBe(b?.id);
    expect(runWebhookEvent(run, 'review-required', 'x')?.id).not.toBe(a?.id);
    expect(webhookEventId(run.id, 'decision', 'later', 'approved')).not.toBe(a?.id);
  });

  it('carries seed 000 decision fields', () => {
    expect(runWebhookEvent(run, 'decision', 'now')).toMatchObject({
      type: 'decision',
      status: 'success',
      verification: { id: run.id, attemptId: run.id, status: 'resubmission_requested', code: 9103, reasonCode: 204, vendorData: 'v-1', endUserId: null, acceptanceTime: run.createdAt, person: { firstName: null }, comments: [] },
      technicalData: { ip: '127.0.0.1' },
    });
  });
});

describe('session decisions', () => {
  const base: Session = {
    id: 's', integrationId: 'acme', resourceId: 'selfie-quality', vendorData: null, endUserId: null, callbackUrl: null, status: 'created',
    createdAt: '2026-11-22T10:00:00.000Z', expiresAt: '2026-11-22T11:00:00.000Z', submittedAt: null, endedAt: null, runId: null, media: [], ip: null,
  };
  it('is null while open, expired (9104) by the clock even before the expiry job, abandoned when media came but no submit', () => {
    expect(sessionDecision(base, null, new Date('2026-11-22T10:30:00Z'))).toBeNull();
    expect(sessionDecision(base, null, new Date('2026-11-22T11:00:01Z'))).toMatchObject({ status: 'expired', code: 9104, decidedAt: base.expiresAt });
    const started: Session = { ...base, status: 'started', media: [{ id: 'm', context: 'face', mimetype: 'image/jpeg', size: 1, timestamp: 't' }] };
    expect(sessionDecision(started, null, new Date('2026-11-22T11:00:01Z'))).toMatchObject({ status: 'abandoned', code: 9104 });
    expect(sessionDecision({ ...base, status: 'submitted' }, null, new Date('2026-11-22T12:00:00Z'))).toBeNull();
  });
});

describe('webhook destination guard (SSRF)', () => {
  it('classifies loopback, private, link-local and unique-local addresses as non-public', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) {
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    }
    for (const a of ['8.8.8.8', '172.32.0.1', '2001:4860:4860::8888', '1.1.1.1']) expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });

  it('refuses a private destination unless allowed', async () => {
    expect(await destinationProblem('http://127.0.0.1:9/hook', false)).toMatch(/non-public address \(127\.0\.0\.1\)/);
    expect(await destinationProblem('http://[::1]:9/hook', false)).toMatch(/non-public/);
    expect(await destinationProblem('http://127.0.0.1:9/hook', true)).toBeNull();
    expect(await destinationProblem('http://93.184.216.34/hook', false)).toBeNull();
  });
});
