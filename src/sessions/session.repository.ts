import type Redis from 'ioredis';
import type { RedisKeys } from '../redis/redis-keys';
import type { Session } from './session';

// Same compare-and-set as runs: media uploads, submission and the expiry job may race.
const CAS_SCRIPT = `
local current = redis.call('HGET', KEYS[1], 'v')
if (current or '0') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', tostring(tonumber(ARGV[1]) + 1), 'doc', ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
return 1
`;

/** Sessions and their uploaded media in Redis. Media expire with the session; bytes are never logged. */
export class SessionRepository {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    /** Sessions are kept as long as runs, so the decision stays readable by session id. */
    private readonly ttlSeconds: number,
  ) {}

  async get(id: string): Promise<{ session: Session; version: number } | null> {
    const [doc, version] = await this.redis.hmget(this.keys.session(id), 'doc', 'v');
    if (!doc || !version) return null;
    return { session: JSON.parse(doc) as Session, version: Number(version) };
  }

  async compareAndSet(session: Session, expectedVersion: number): Promise<boolean> {
    return (await this.redis.eval(CAS_SCRIPT, 1, this.keys.session(session.id), String(expectedVersion), JSON.stringify(session), String(this.ttlSeconds))) === 1;
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
