import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A capture token is `<sessionId>.<secret>`: the id finds the session, the secret (24 random
 * bytes, base64url) proves the bearer was given the link. Only the secret's SHA-256 is stored.
 */
export function newCaptureToken(sessionId: string): { token: string; tokenHash: string } {
  const secret = randomBytes(24).toString('base64url');
  return { token: `${sessionId}.${secret}`, tokenHash: sha256Hex(secret) };
}

/** The session id the token names, or null when it is not shaped like a token. */
export function tokenSessionId(token: string): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{32})$/.exec(token);
  return match?.[1] ?? null;
}

export function tokenMatches(token: string, tokenHash: string): boolean {
  const secret = token.slice(token.indexOf('.') + 1);
  const a = Buffer.from(sha256Hex(secret), 'hex');
  const b = Buffer.from(tokenHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
