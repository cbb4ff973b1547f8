/** int: the Redis bootstrap answers fast and clearly, and can start a private redis-server. */
import Redis from 'ioredis';
import { ensureRedis, RedisUnavailableError } from '../../src/redis/redis-bootstrap';
import { TEST_REDIS_URL } from '../support/test-redis';

describe('ensureRedis', () => {
  it('uses a Redis that answers', async () => {
    expect(await ensureRedis(TEST_REDIS_URL, () => undefined)).toEqual({ url: TEST_REDIS_URL });
  });

  it('fails in seconds with one line when an explicit REDIS_URL does not answer (no fallback)', async () => {
    const started = Date.now();
    const err = await ensureRedis('redis://127.0.0.1:1', () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedisUnavailableError);
    expect((err as Error).message).toBe('Redis at REDIS_URL=redis://127.0.0.1:1 does not answer; start it or fix REDIS_URL.');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('starts a private redis-server on loopback when the default does not answer and no REDIS_URL was given', async () => {
    const lines: string[] = [];
    const endpoint = await ensureRedis(undefined, (l) => lines.push(l), 'redis://127.0.0.1:1');
    try {
      expect(endpoint.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[0]).toMatch(/started a private redis-server/);
      const client = new Redis(endpoint.url);
      expect(await client.ping()).toBe('PONG');
      client.disconnect();
    } finally {
      endpoint.child?.kill('SIGKILL');
    }
  });
});
