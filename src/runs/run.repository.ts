import type Redis from 'ioredis';
import type { Run } from '../engine/run';
import type { RedisKeys } from '../redis/redis-keys';

/** A run as stored, with the version used for compare-and-set. */
export interface StoredRun {
  run: Run;
  version: number;
}

// Compare-and-set: a transition is written only if nobody else advanced the run since we read it.
const CAS_SCRIPT = `
local current = redis.call('HGET', KEYS[1], 'v')
if (current or '0') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', tostring(tonumber(ARGV[1]) + 1), 'doc', ARGV[2])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
return 1
`;

/** Run state in Redis: one hash per run holding the JSON document and its version. */
export class RunRepository {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly ttlSeconds: number,
  ) {}

  async get(runId: string): Promise<StoredRun | null> {
    const [doc, version] = await this.redis.hmget(this.keys.run(runId), 'doc', 'v');
    if (!doc || !version) return null;
    return { run: JSON.parse(doc) as Run, version: Number(version) };
  }

  /** Writes `run` if the stored version is still `expectedVersion` (0 = must not exist). */
  async compareAndSet(run: Run, expectedVersion: number): Promise<boolean> {
    const ok = await this.redis.eval(CAS_SCRIPT, 1, this.keys.run(run.id), String(expectedVersion), JSON.stringify(run), String(this.ttlSeconds));
    return ok === 1;
  }
}
