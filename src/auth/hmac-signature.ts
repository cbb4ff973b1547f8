import { createHmac, timingSafeEqual } from 'node:crypto';

/** Hex HMAC-SHA256 of `payload` under `secret` (seed 004's x-hmac-signature). */
export function hmacHex(secret: string, payload: string | Buffer): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

/**
 * True when `signature` is the hex HMAC of `payload`. Compares digests in constant time, and
 * compares lowercased hex so clients that print upper-case hex are accepted.
 */
export function verifyHmacHex(secret: string, payload: string | Buffer, signature: string): boolean {
  if (!/^[0-9a-fA-F]{64}$/.test(signature)) return false;
  const expected = Buffer.from(hmacHex(secret, payload), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature.toLowerCase(), 'hex'));
}
