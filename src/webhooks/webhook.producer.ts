import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ApiError } from '../http/api-error';
import type { DeliveryRecord, WebhookDeliveryStore } from './webhook-delivery.store';
import type { WebhookEvent } from './webhook-event';
import { WEBHOOK_JOB, WebhookJobData, webhookJobOptions, WebhookRetryPolicy } from './webhook-queue';

/**
 * Records an event and puts its delivery on the `webhooks` queue. Only Redis writes happen here,
 * so a decision never waits for a receiver; the HTTP call happens on a worker.
 */
export class WebhookProducer {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly queue: Queue,
    private readonly store: WebhookDeliveryStore,
    private readonly policy: WebhookRetryPolicy,
  ) {}

  async publish(event: WebhookEvent, target: { integrationId: string; url: string }): Promise<void> {
    const now = new Date().toISOString();
    const record: DeliveryRecord = {
      eventId: event.id,
      integrationId: target.integrationId,
      type: event.type,
      url: target.url,
      runId: event.runId,
      sessionId: event.sessionId,
      body: JSON.stringify(event),
      status: 'pending',
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
      resends: 0,
      createdAt: now,
      updatedAt: now,
    };
    // An existing record means the same event was published before (effects re-applied after a
    // crash): adding the job again is still safe, the job id makes it a no-op while the job exists.
    await this.store.create(record);
    const data: WebhookJobData = { eventId: event.id };
    await this.queue.add(WEBHOOK_JOB.deliver, data, webhookJobOptions(event.id, this.policy));
    this.logger.log(`event ${event.id} (${event.type}) queued for integration ${target.integrationId}, run ${event.runId ?? '-'}`);
  }

  /** Sends a recorded event again (same id and body, new timestamp and signature), with a fresh set of attempts. */
  async resend(integrationId: string, eventId: string): Promise<DeliveryRecord> {
    const record = await this.store.get(eventId);
    if (!record || record.integrationId !== integrationId) throw new ApiError(404, 'WEBHOOK_DELIVERY_NOT_FOUND', `no webhook delivery ${eventId}`);
    if (record.status === 'pending') throw new ApiError(409, 'WEBHOOK_DELIVERY_PENDING', `delivery ${eventId} is still being attempted`);
    const updated = (await this.store.update(eventId, { status: 'pending', resends: record.resends + 1, lastError: null })) ?? record;
    const data: WebhookJobData = { eventId };
    await this.queue.add(WEBHOOK_JOB.deliver, data, webhookJobOptions(`${eventId}-resend-${updated.resends}`, this.policy));
    this.logger.log(`event ${eventId} resent on request (resend ${updated.resends})`);
    return updated;
  }
}
