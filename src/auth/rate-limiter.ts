import type Redis from 'ioredis';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// INCR and set the expiry in one round trip; the expiry is set only by the first hit of a window.
const HIT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { n, redis.call('PTTL', KEYS[1]) }
`;

/**
 * Fixed one-minute windows per API key, counted in Redis so every API process shares the budget.
 * Keys are identified by their sha256 prefix: the key itself is never written anywhere.
 */
export class RateLimiter {
  private static readonly WINDOW_MS = 60_000;

  constructor(
    private readonly redis: Redis,
    private readonly keyFor: (keyId: string, window: number) => string,
  ) {}

  async hit(keyId: string, limitPerMinute: number): Promise<RateDecision> {
    const window = Math.floor(Date.now() / RateLimiter.WINDOW_MS);
    const [count, pttl] = (await this.redis.eval(HIT_SCRIPT, 1, this.keyFor(keyId, window), String(RateLimiter.WINDOW_MS))) as [number, number];
    if (count <= limitPerMinute) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((pttl > 0 ? pttl : RateLimiter.WINDOW_MS) / 1000)) };
  }
}
