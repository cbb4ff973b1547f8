import type Redis from 'ioredis';

// Compare-and-set: a document is written only if nobody else changed it since it was read.
const CAS_SCRIPT = `
local current = redis.call('HGET', KEYS[1], 'v')
if (current or '0') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', tostring(tonumber(ARGV[1]) + 1), 'doc', ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
return 1
`;

/** A JSON document with its version, as stored. */
export interface Versioned<T> {
  doc: T;
  version: number;
}

/**
 * One Redis hash per document: the JSON and a version for optimistic concurrency. Runs and
 * sessions use it because their writers (HTTP, step jobs, expiry jobs, reviewers) may race.
 */
export class VersionedDocuments<T> {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
  ) {}

  async get(key: string): Promise<Versioned<T> | null> {
    const [doc, version] = await this.redis.hmget(key, 'doc', 'v');
    if (!doc || !version) return null;
    return { doc: JSON.parse(doc) as T, version: Number(version) };
  }

  /** Writes `doc` if the stored version is still `expectedVersion` (0 = must not exist yet). */
  async compareAndSet(key: string, doc: T, expectedVersion: number): Promise<boolean> {
    return (await this.redis.eval(CAS_SCRIPT, 1, key, String(expectedVersion), JSON.stringify(doc), String(this.ttlSeconds))) === 1;
  }
}
