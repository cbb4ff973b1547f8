import type { Provider } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { APP_CONFIG, CATALOG, REDIS, REDIS_KEYS } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import type { Catalog } from '../catalog/catalog';
import type { RedisKeys } from '../redis/redis-keys';
import { RunRepository } from '../runs/run.repository';
import { RunsService } from '../runs/runs.service';
import { SESSION_EXPIRY_QUEUE } from './session-expiry.queue';
import { SessionExpiryProcessor } from './session-expiry.processor';
import { SessionRepository } from './session.repository';
import { SessionsService } from './sessions.service';

/** Every role: the session store (the API writes sessions, the worker expires them). */
export function sessionCoreProviders(config: AppConfig): Provider[] {
  return [{ provide: SessionRepository, inject: [REDIS, REDIS_KEYS], useFactory: (r: Redis, k: RedisKeys) => new SessionRepository(r, k, config.runTtlSeconds) }];
}

/** API role: the service behind SessionsController (RunsService is an ApiModule provider). */
export const SESSION_API_PROVIDERS: Provider[] = [
  {
    provide: SessionsService,
    inject: [APP_CONFIG, CATALOG, SessionRepository, RunsService, RunRepository, getQueueToken(SESSION_EXPIRY_QUEUE)],
    useFactory: (c: AppConfig, cat: Catalog, sessions: SessionRepository, runsService: RunsService, runs: RunRepository, q: Queue) => new SessionsService(c, cat, sessions, runsService, runs, q),
  },
];

/** Worker role: the delayed expiry jobs. */
export const SESSION_WORKER_PROVIDERS: Provider[] = [SessionExpiryProcessor];
