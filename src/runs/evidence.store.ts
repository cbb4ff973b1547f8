import type Redis from 'ioredis';
import type { RedisKeys } from '../redis/redis-keys';

/**
 * Images, kept apart from run state so run documents stay small and images can expire on their
 * own clock. Bytes are never logged. An index set per run lets deletion find every image.
 */
export class EvidenceStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {}

  async put(runId: string, name: string, bytes: Buffer): Promise<void> {
    await this.putWithTtl(runId, name, bytes, this.ttlSeconds);
  }

  async putWithTtl(runId: string, name: string, bytes: Buffer, ttlSeconds: number): Promise<void> {
    await this.redis
      .multi()
      .set(this.keys.evidence(runId, name), bytes, 'EX', ttlSeconds)
      .sadd(this.keys.evidenceIndex(runId), name)
      .expire(this.keys.evidenceIndex(runId), ttlSeconds)
      .exec();
  }

  async get(runId: string, name: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.keys.evidence(runId, name));
  }

  async names(runId: string): Promise<string[]> {
    return this.redis.smembers(this.keys.evidenceIndex(runId));
  }

  /** Deletes the run's images now, or keeps them for `retentionSeconds` when retention is configured. */
  async release(runId: string, retentionSeconds: number): Promise<void> {
    const names = await this.names(runId);
    const keys = [...names.map((n) => this.keys.evidence(runId, n)), this.keys.evidenceIndex(runId)];
    if (retentionSeconds > 0) {
      const tx = this.redis.multi();
      for (const key of keys) tx.expire(key, retentionSeconds);
      await tx.exec();
    } else {
      await this.redis.del(...keys);
    }
  }
}
