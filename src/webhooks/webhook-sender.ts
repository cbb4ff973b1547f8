import { WEBHOOK_HEADERS, webhookSignature } from './webhook-signer';

export type SendResult =
  | { kind: 'delivered'; statusCode: number }
  /** Worth another attempt: network error, timeout, 5xx, 408, 429. */
  | { kind: 'retry'; statusCode: number | null; error: string }
  /** The receiver refused the event itself (other 4xx, redirects): retrying cannot help. */
  | { kind: 'rejected'; statusCode: number; error: string };

/** 408 (timeout) and 429 (slow down) are the receiver asking us to come back; other 4xx are final. */
export function classifyStatus(statusCode: number): SendResult['kind'] {
  if (statusCode >= 200 && statusCode < 300) return 'delivered';
  if (statusCode === 408 || statusCode === 429 || statusCode >= 500) return 'retry';
  return 'rejected';
}

/** One signed POST with a hard timeout. Redirects are not followed: the signature names one receiver. */
export async function sendWebhook(
  target: { url: string; secret: string },
  event: { eventId: string; body: string; attempt: number },
  timeoutMs: number,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<SendResult> {
  let res: Response;
  try {
    res = await fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'idv-journey-engine-webhooks/1',
        [WEBHOOK_HEADERS.eventId]: event.eventId,
        [WEBHOOK_HEADERS.timestamp]: String(nowSeconds),
        [WEBHOOK_HEADERS.attempt]: String(event.attempt),
        [WEBHOOK_HEADERS.signature]: webhookSignature(target.secret, nowSeconds, event.body),
      },
      body: event.body,
    });
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    return { kind: 'retry', statusCode: null, error: name === 'TimeoutError' ? `no response within ${timeoutMs} ms` : errorText(err) };
  }
  // Drain the body so the connection is released; its content is not ours to log.
  await res.arrayBuffer().catch(() => undefined);
  const kind = classifyStatus(res.status);
  if (kind === 'delivered') return { kind, statusCode: res.status };
  return { kind, statusCode: res.status, error: `receiver answered HTTP ${res.status}` };
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${err.message}: ${cause.message}` : err.message;
  }
  return String(err);
}
