import type { Provider } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { REDIS, REDIS_KEYS } from '../app.tokens';
import { IntegrationRegistry } from '../auth/integration-registry';
import type { AppConfig } from '../config/app-config';
import { RunAdvancer } from '../execution/run-advancer';
import type { RedisKeys } from '../redis/redis-keys';
import { WebhookDeliveryStore } from './webhook-delivery.store';
import { WebhookNotifier } from './webhook-notifier';
import { WEBHOOK_QUEUE } from './webhook-queue';
import { webhookProcessorFor } from './webhook.processor';
import { WebhookProducer } from './webhook.producer';

/**
 * Every role: the delivery store, the producer, and the run listener. API processes decide runs
 * too (reviews), so the listener is registered wherever a RunAdvancer commits.
 */
export function webhookCoreProviders(config: AppConfig): Provider[] {
  const { attempts, backoffMs, retentionSeconds } = config.surface.webhooks;
  return [
    { provide: WebhookDeliveryStore, inject: [REDIS, REDIS_KEYS], useFactory: (r: Redis, k: RedisKeys) => new WebhookDeliveryStore(r, k, retentionSeconds) },
    {
      provide: WebhookProducer,
      inject: [getQueueToken(WEBHOOK_QUEUE), WebhookDeliveryStore],
      useFactory: (q: Queue, store: WebhookDeliveryStore) => new WebhookProducer(q, store, { attempts, backoffMs, retentionSeconds }),
    },
    {
      provide: WebhookNotifier,
      inject: [WebhookProducer, IntegrationRegistry, RunAdvancer],
      useFactory: (producer: WebhookProducer, registry: IntegrationRegistry, advancer: RunAdvancer) => {
        const notifier = new WebhookNotifier(producer, registry);
        advancer.addListener(notifier);
        return notifier;
      },
    },
  ];
}

/** Worker role: the delivery processor. I/O-bound, so it runs many deliveries at once. */
export function webhookWorkerProviders(config: AppConfig): Provider[] {
  return [webhookProcessorFor({ concurrency: 16, timeoutMs: config.surface.webhooks.timeoutMs, allowPrivateDestinations: config.surface.webhooks.allowPrivateDestinations })];
}
