import type Redis from 'ioredis';
import type { Run } from '../engine/run';
import type { RedisKeys } from '../redis/redis-keys';
import { VersionedDocuments } from '../redis/versioned-document';

/** A run as stored, with the version used for compare-and-set. */
export interface StoredRun {
  run: Run;
  version: number;
}

/** Run state in Redis: one hash per run holding the JSON document and its version. */
export class RunRepository {
  private readonly docs: VersionedDocuments<Run>;

  constructor(
    redis: Redis,
    private readonly keys: RedisKeys,
    ttlSeconds: number,
  ) {
    this.docs = new VersionedDocuments<Run>(redis, ttlSeconds);
  }

  async get(runId: string): Promise<StoredRun | null> {
    const stored = await this.docs.get(this.keys.run(runId));
    return stored ? { run: stored.doc, version: stored.version } : null;
  }

  /** Writes `run` if the stored version is still `expectedVersion` (0 = must not exist). */
  async compareAndSet(run: Run, expectedVersion: number): Promise<boolean> {
    return this.docs.compareAndSet(this.keys.run(run.id), run, expectedVersion);
  }
}
