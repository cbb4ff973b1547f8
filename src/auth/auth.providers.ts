import type { Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type Redis from 'ioredis';
import { REDIS, REDIS_KEYS } from '../app.tokens';
import type { RedisKeys } from '../redis/redis-keys';
import { RateLimiter } from './rate-limiter';
import { ResponseSigningInterceptor } from './response-signing.interceptor';

/** What ApiKeyGuard needs beyond the core (the per-key rate limiter), and seed 004's response signing. */
export const AUTH_API_PROVIDERS: Provider[] = [
  { provide: RateLimiter, inject: [REDIS, REDIS_KEYS], useFactory: (r: Redis, k: RedisKeys) => new RateLimiter(r, k.rateLimit) },
  { provide: APP_INTERCEPTOR, useClass: ResponseSigningInterceptor },
];
