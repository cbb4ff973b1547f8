import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { REGISTERED_MODULE_IDS } from '../modules';
import { AnalysisClient } from './analysis/analysis.client';
import { IntegrationRegistry } from './auth/integration-registry';
import { APP_CONFIG, CATALOG, REDIS, REDIS_KEYS, REDIS_SUBSCRIBER } from './app.tokens';
import type { AppConfig } from './config/app-config';
import type { Catalog } from './catalog/catalog';
import { RunAdvancer } from './execution/run-advancer';
import { StepProducer } from './queue/step.producer';
import { stepQueueName } from './queue/queue-names';
import { bullConnection } from './redis/connection-options';
import { createRedis } from './redis/redis-connection';
import { RedisKeys, redisKeys } from './redis/redis-keys';
import { EvidenceStore } from './runs/evidence.store';
import { IdempotencyStore } from './runs/idempotency.store';
import { RunEvents } from './runs/run-events';
import { RunRepository } from './runs/run.repository';
import { REVIEW_QUEUE } from './review/review-queue';
import { reviewCoreProviders } from './review/review.providers';
import { sessionCoreProviders } from './sessions/sessions.providers';
import { SESSION_EXPIRY_QUEUE } from './sessions/session-expiry.queue';
import { WEBHOOK_QUEUE } from './webhooks/webhook-queue';
import { webhookCoreProviders } from './webhooks/webhooks.providers';

export interface CoreOptions {
  config: AppConfig;
  redisUrl: string;
  catalog: Catalog;
}

/** Closes the Redis connections this module opened, after everything else has stopped. */
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis, @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.redis.quit(), this.subscriber.quit()]);
  }
}

/** Infrastructure every role needs: config, Redis, catalog, stores, queues and the run advancer. */
@Global()
@Module({})
export class CoreModule {
  static register(options: CoreOptions): DynamicModule {
    const { config, redisUrl, catalog } = options;
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: CATALOG, useValue: catalog },
      { provide: IntegrationRegistry, useValue: new IntegrationRegistry(config.integrations) },
      { provide: REDIS_KEYS, useValue: redisKeys(config.prefix) },
      { provide: REDIS, useFactory: () => createRedis(redisUrl) },
      { provide: REDIS_SUBSCRIBER, useFactory: () => createRedis(redisUrl) },
      RedisCloser,
      { provide: RunRepository, inject: [REDIS, REDIS_KEYS], useFactory: (r: Redis, k: RedisKeys) => new RunRepository(r, k, config.runTtlSeconds) },
      { provide: EvidenceStore, inject: [REDIS, REDIS_KEYS], useFactory: (r: Redis, k: RedisKeys) => new EvidenceStore(r, k, config.evidenceTtlSeconds) },
      { provide: IdempotencyStore, inject: [REDIS, REDIS_KEYS], useFactory: (r: Redis, k: RedisKeys) => new IdempotencyStore(r, k, config.idempotencyTtlSeconds) },
      { provide: RunEvents, inject: [REDIS, REDIS_SUBSCRIBER, REDIS_KEYS], useFactory: (r: Redis, s: Redis, k: RedisKeys) => new RunEvents(r, s, k) },
      {
        provide: StepProducer,
        inject: [ModuleRef],
        useFactory: (ref: ModuleRef) => new StepProducer((moduleId) => ref.get<Queue>(getQueueToken(stepQueueName(moduleId)), { strict: false }), config.stepAttempts),
      },
      {
        provide: AnalysisClient,
        inject: [ModuleRef, EvidenceStore],
        useFactory: (ref: ModuleRef, ev: EvidenceStore) =>
          new AnalysisClient((moduleId) => ref.get<Queue>(getQueueToken(stepQueueName(moduleId)), { strict: false }), ev, bullConnection(redisUrl), config.prefix, config.analysisTimeoutMs),
      },
      {
        provide: RunAdvancer,
        inject: [RunRepository, EvidenceStore, RunEvents, StepProducer, CATALOG],
        useFactory: (runs: RunRepository, ev: EvidenceStore, events: RunEvents, producer: StepProducer, cat: Catalog) =>
          new RunAdvancer(runs, ev, events, producer, cat, config.evidenceRetentionSeconds),
      },
      ...reviewCoreProviders(config),
      ...webhookCoreProviders(config),
      ...sessionCoreProviders(config),
    ];
    return {
      module: CoreModule,
      imports: [
        BullModule.forRoot({ connection: bullConnection(redisUrl), prefix: config.prefix }),
        BullModule.registerQueue(...REGISTERED_MODULE_IDS.map((id) => ({ name: stepQueueName(id) })), { name: REVIEW_QUEUE }, { name: WEBHOOK_QUEUE }, { name: SESSION_EXPIRY_QUEUE }),
      ],
      providers,
      exports: [...providers.filter((p) => p !== RedisCloser).map((p) => (typeof p === 'function' ? p : p.provide)), BullModule],
    };
  }
}
