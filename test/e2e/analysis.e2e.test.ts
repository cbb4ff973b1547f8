/** e2e: synchronous run-less analysis jobs go through the module queue to a real worker process. */
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { AnalysisClient } from '../../src/analysis/analysis.client';
import { ApiError } from '../../src/http/api-error';
import { bullConnection } from '../../src/redis/connection-options';
import { redisKeys } from '../../src/redis/redis-keys';
import { EvidenceStore } from '../../src/runs/evidence.store';
import { describeWithImages, evalImage } from '../support/eval-images';
import { startService, ServiceProcess } from '../support/service-process';
import { cleanPrefix, TEST_REDIS_URL, testRedis, uniquePrefix } from '../support/test-redis';

describeWithImages('synchronous analysis on the workers', () => {
  const prefix = uniquePrefix('analysis');
  let redis: Redis;
  let queue: Queue;
  let worker: ServiceProcess | undefined;
  const clients: AnalysisClient[] = [];

  const client = (timeoutMs: number) => {
    const c = new AnalysisClient(() => queue, new EvidenceStore(redis, redisKeys(prefix), 60), bullConnection(TEST_REDIS_URL), prefix, timeoutMs);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    redis = testRedis();
    queue = new Queue('step-image-quality', { connection: bullConnection(TEST_REDIS_URL), prefix });
  });

  afterAll(async () => {
    await worker?.stop();
    await Promise.all(clients.map((c) => c.close()));
    await queue.close();
    await cleanPrefix(redis, prefix);
    redis.disconnect();
  });

  it('answers 503 ENGINE_UNAVAILABLE when no worker runs, and leaves no image behind', async () => {
    const err = await client(500).analyze('image-quality', { image: evalImage('live/deepface_img1.jpg') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).getResponse()).toMatchObject({ code: 'ENGINE_UNAVAILABLE' });
    expect(await redis.keys(`${prefix}:evidence:*`)).toEqual([]);
  });

  it('returns capabilities and the default outcome from a worker process, and cleans up the images', async () => {
    worker = await startService({ prefix, role: 'worker' });
    const result = await client(20_000).analyze('image-quality', { image: evalImage('live/deepface_img1.jpg') });
    expect(result).toMatchObject({ kind: 'result', outcome: 'Success', capabilities: { width: 1382, height: 1868 } });
    const corrupt = await client(20_000).analyze('image-quality', { image: evalImage('corrupt/truncated_3k.jpg') });
    expect(corrupt).toMatchObject({ kind: 'input-error', code: 'IMAGE_CORRUPT' });
    expect(await redis.keys(`${prefix}:evidence:*`)).toEqual([]);
  });
});
