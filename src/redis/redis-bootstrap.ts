import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import Redis from 'ioredis';
import { freePort } from '../net/free-port';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface RedisEndpoint {
  url: string;
  /** Set when this process started its own redis-server; stopped on exit. */
  child?: ChildProcess;
}

/** Thrown with one line that tells the operator what to do. */
export class RedisUnavailableError extends Error {}

/**
 * Makes sure Redis answers. An explicit REDIS_URL must answer; without one we try the default and,
 * for a first try on a laptop, start a private redis-server on a free loopback port. Never hangs:
 * every probe has a short timeout.
 */
export async function ensureRedis(explicitUrl: string | undefined, log: (line: string) => void, defaultUrl: string = DEFAULT_REDIS_URL): Promise<RedisEndpoint> {
  const url = explicitUrl ?? defaultUrl;
  if (await pings(url)) return { url };
  if (explicitUrl) throw new RedisUnavailableError(`Redis at REDIS_URL=${explicitUrl} does not answer; start it or fix REDIS_URL.`);
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    throw new RedisUnavailableError(`Redis does not answer at ${defaultUrl} and redis-server is not installed: install Redis (apt-get install redis-server) or set REDIS_URL.`);
  }
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { stdio: 'ignore' });
  const privateUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await pings(privateUrl)) {
      log(`No Redis at ${defaultUrl}: started a private redis-server on ${privateUrl} (data is lost when this process exits; set REDIS_URL for a real deployment).`);
      const stop = () => child.kill('SIGTERM');
      process.once('exit', stop);
      return { url: privateUrl, child };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new RedisUnavailableError(`Redis does not answer at ${defaultUrl} and a private redis-server did not start; set REDIS_URL.`);
}

async function pings(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1500, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
