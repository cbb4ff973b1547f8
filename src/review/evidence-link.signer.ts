import { createHmac, timingSafeEqual } from 'node:crypto';

export type EvidenceLinkCheck = 'ok' | 'invalid' | 'expired';

/**
 * Short-lived evidence URLs: HMAC-SHA256 over task, image name and expiry with a server secret.
 * The URL itself is the credential, so an <img> tag can load it without the reviewer's API key,
 * and it stops working after `ttlSeconds`.
 */
export class EvidenceLinkSigner {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

  url(taskId: string, name: string, nowMs = Date.now()): { url: string; expiresAt: string } {
    const expires = Math.floor(nowMs / 1000) + this.ttlSeconds;
    const sig = this.sign(taskId, name, expires);
    return { url: `/v1/reviews/evidence/${encodeURIComponent(taskId)}/${encodeURIComponent(name)}?expires=${expires}&sig=${sig}`, expiresAt: new Date(expires * 1000).toISOString() };
  }

  verify(taskId: string, name: string, expires: string | undefined, sig: string | undefined, nowMs = Date.now()): EvidenceLinkCheck {
    if (!expires || !sig || !/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(sig)) return 'invalid';
    const expected = Buffer.from(this.sign(taskId, name, Number(expires)), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(sig, 'hex'))) return 'invalid';
    return Number(expires) * 1000 <= nowMs ? 'expired' : 'ok';
  }

  private sign(taskId: string, name: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${taskId}\n${name}\n${expires}`).digest('hex');
  }
}
