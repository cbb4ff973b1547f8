import Redis, { RedisOptions } from 'ioredis';

/**
 * BullMQ needs maxRetriesPerRequest: null on connections that block (workers); we use it for all
 * so a Redis restart makes commands wait rather than fail mid-transition.
 */
export function createRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, ...extra });
}
