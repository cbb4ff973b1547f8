import { hmacHex, verifyHmacHex } from '../auth/hmac-signature';

/** Header names of a webhook delivery. */
export const WEBHOOK_HEADERS = {
  signature: 'x-hmac-signature',
  timestamp: 'x-timestamp',
  eventId: 'x-webhook-id',
  attempt: 'x-webhook-attempt',
} as const;

/**
 * The signed string is `<x-timestamp>.<raw body>`: the timestamp (Unix seconds) is covered by the
 * signature, so a receiver that rejects stale timestamps also rejects replays of old deliveries.
 */
export function webhookSignature(secret: string, timestampSeconds: number, body: string): string {
  return hmacHex(secret, `${timestampSeconds}.${body}`);
}

export type WebhookCheck = { ok: true } | { ok: false; problem: 'missing-headers' | 'bad-signature' | 'stale-timestamp' };

/**
 * What a receiver does (README "Webhooks"), used by our tests as the reference: recompute the
 * HMAC over `<timestamp>.<raw body>`, compare in constant time, reject timestamps further than
 * `toleranceSeconds` from now.
 */
export function verifyWebhook(secret: string, headers: { timestamp?: string; signature?: string }, rawBody: string, nowSeconds: number, toleranceSeconds = 300): WebhookCheck {
  const ts = Number(headers.timestamp);
  if (!headers.signature || !headers.timestamp || !Number.isInteger(ts)) return { ok: false, problem: 'missing-headers' };
  if (!verifyHmacHex(secret, `${ts}.${rawBody}`, headers.signature)) return { ok: false, problem: 'bad-signature' };
  if (Math.abs(nowSeconds - ts) > toleranceSeconds) return { ok: false, problem: 'stale-timestamp' };
  return { ok: true };
}
