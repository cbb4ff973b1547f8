import type Redis from 'ioredis';
import type { RedisKeys } from '../redis/redis-keys';
import { VersionedDocuments } from '../redis/versioned-document';
import type { Session } from './session';

/** Sessions and their uploaded media in Redis. Media expire with the session; bytes are never logged. */
export class SessionRepository {
  // Same compare-and-set as runs: media uploads, submission and the expiry job may race.
  private readonly docs: VersionedDocuments<Session>;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    /** Sessions are kept as long as runs, so the decision stays readable by session id. */
    ttlSeconds: number,
  ) {
    this.docs = new VersionedDocuments<Session>(redis, ttlSeconds);
  }

  async get(id: string): Promise<{ session: Session; version: number } | null> {
    const stored = await this.docs.get(this.keys.session(id));
    return stored ? { session: stored.doc, version: stored.version } : null;
  }

  async compareAndSet(session: Session, expectedVersion: number): Promise<boolean> {
    return this.docs.compareAndSet(this.keys.session(session.id), session, expectedVersion);
  }

  async putMedia(id: string, context: string, bytes: Buffer, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.keys.sessionMedia(id, context), bytes, 'EX', Math.max(1, ttlSeconds));
  }

  async getMedia(id: string, context: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.keys.sessionMedia(id, context));
  }

  async deleteMedia(id: string, context: string): Promise<void> {
    await this.redis.del(this.keys.sessionMedia(id, context));
  }
}
