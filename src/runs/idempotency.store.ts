import type Redis from 'ioredis';
import type { RedisKeys } from '../redis/redis-keys';

export type IdempotencyClaim =
  | { kind: 'new' }
  | { kind: 'replay'; runId: string }
  | { kind: 'conflict'; runId: string };

/**
 * Idempotency-Key handling: the first request with a key claims it for its body hash and run id
 * (SET NX, so two racing requests cannot both create a run); later requests with the same key get
 * that run back if the body is the same, or a conflict if it is not.
 */
export class IdempotencyStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {}

  async claim(key: string, bodyHash: string, runId: string): Promise<IdempotencyClaim> {
    const value = JSON.stringify({ bodyHash, runId });
    const set = await this.redis.set(this.keys.idempotency(key), value, 'EX', this.ttlSeconds, 'NX');
    if (set === 'OK') return { kind: 'new' };
    const stored = await this.redis.get(this.keys.idempotency(key));
    if (!stored) return this.claim(key, bodyHash, runId);
    const previous = JSON.parse(stored) as { bodyHash: string; runId: string };
    return previous.bodyHash === bodyHash ? { kind: 'replay', runId: previous.runId } : { kind: 'conflict', runId: previous.runId };
  }

  /** Frees a key whose run could not be created, so the client can retry with it. */
  async release(key: string): Promise<void> {
    await this.redis.del(this.keys.idempotency(key));
  }
}
