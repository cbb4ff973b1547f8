/** int (real Redis): run compare-and-set, idempotency claims, evidence TTL and release. */
import type Redis from 'ioredis';
import { startRun } from '../../src/engine/run-transitions';
import type { Journey } from '../../src/engine/journey';
import { redisKeys } from '../../src/redis/redis-keys';
import { EvidenceStore } from '../../src/runs/evidence.store';
import { IdempotencyStore } from '../../src/runs/idempotency.store';
import { RunRepository } from '../../src/runs/run.repository';
import { cleanPrefix, testRedis, uniquePrefix } from '../support/test-redis';

const prefix = uniquePrefix('stores');
const keys = redisKeys(prefix);
let redis: Redis;

beforeAll(() => {
  redis = testRedis();
});

afterAll(async () => {
  await cleanPrefix(redis, prefix);
  redis.disconnect();
});

const journey: Journey = {
  id: 'j',
  version: 1,
  title: 'j',
  entry: 'q',
  steps: { q: { module: 'image-quality', inputs: { image: 'subject.biometrics.0.selfieImage' }, routes: { ERROR: { decision: 'review' } } } },
};
const qualityModule = { id: 'image-quality', version: '1.0.0', title: '', description: '', inputs: [], capabilities: [], outcomes: [] };

describe('RunRepository', () => {
  it('creates once, then only advances from the version it read', async () => {
    const repo = new RunRepository(redis, keys, 60);
    const { run } = startRun({ id: 'run-cas', resourceId: 'j', journey, context: {}, modules: () => qualityModule, now: '2026-01-01T00:00:00Z' });
    expect(await repo.compareAndSet(run, 0)).toBe(true);
    expect(await repo.compareAndSet(run, 0)).toBe(false);
    const stored = await repo.get('run-cas');
    expect(stored?.version).toBe(1);
    expect(stored?.run).toEqual(run);
    const updated = { ...run, updatedAt: 'later' };
    expect(await repo.compareAndSet(updated, 1)).toBe(true);
    // A stale writer (still holding version 1) loses.
    expect(await repo.compareAndSet({ ...run, updatedAt: 'stale' }, 1)).toBe(false);
    expect((await repo.get('run-cas'))?.run.updatedAt).toBe('later');
    expect(await redis.ttl(keys.run('run-cas'))).toBeGreaterThan(0);
  });
});

describe('IdempotencyStore', () => {
  it('new, replay with the same body, conflict with another body, free again after release', async () => {
    const store = new IdempotencyStore(redis, keys, 60);
    expect(await store.claim('k1', 'hash-a', 'run-1')).toEqual({ kind: 'new' });
    expect(await store.claim('k1', 'hash-a', 'run-2')).toEqual({ kind: 'replay', runId: 'run-1' });
    expect(await store.claim('k1', 'hash-b', 'run-3')).toEqual({ kind: 'conflict', runId: 'run-1' });
    await store.release('k1');
    expect(await store.claim('k1', 'hash-b', 'run-4')).toEqual({ kind: 'new' });
  });

  it('lets exactly one of many racing requests create the run', async () => {
    const store = new IdempotencyStore(redis, keys, 60);
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => store.claim('race', 'same-body', `run-${i}`)));
    expect(claims.filter((c) => c.kind === 'new')).toHaveLength(1);
    const winner = claims.findIndex((c) => c.kind === 'new');
    for (const c of claims) if (c.kind === 'replay') expect(c.runId).toBe(`run-${winner}`);
  });
});

describe('EvidenceStore', () => {
  it('keeps images with a TTL and deletes every one on release', async () => {
    const store = new EvidenceStore(redis, keys, 120);
    await store.put('run-e', 'selfie', Buffer.from([1, 2, 3]));
    await store.put('run-e', 'document', Buffer.from([4, 5]));
    expect(await store.get('run-e', 'selfie')).toEqual(Buffer.from([1, 2, 3]));
    const ttl = await redis.ttl(keys.evidence('run-e', 'selfie'));
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    await store.release('run-e', 0);
    expect(await store.get('run-e', 'selfie')).toBeNull();
    expect(await store.get('run-e', 'document')).toBeNull();
    expect(await redis.exists(keys.evidenceIndex('run-e'))).toBe(0);
  });

  it('keeps images for the retention period instead when retention is configured', async () => {
    const store = new EvidenceStore(redis, keys, 3600);
    await store.put('run-r', 'selfie', Buffer.from([9]));
    await store.release('run-r', 30);
    const ttl = await redis.ttl(keys.evidence('run-r', 'selfie'));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30);
  });
});
