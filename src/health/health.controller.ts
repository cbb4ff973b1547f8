import { Controller, Get, Inject } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, REDIS } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import { ApiError } from '../http/api-error';

@Controller()
export class HealthController {
  constructor(@Inject(REDIS) private readonly redis: Redis, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Liveness of the service itself: 200 while Redis answers, 503 otherwise. */
  @Get('health')
  async health() {
    try {
      await this.redis.ping();
    } catch {
      throw new ApiError(503, 'REDIS_UNAVAILABLE', 'Redis does not answer');
    }
    return { status: 'ok', role: this.config.role, redis: 'up' };
  }
}
