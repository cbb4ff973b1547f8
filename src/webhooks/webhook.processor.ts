import { Inject, Logger, Type } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { IntegrationRegistry } from '../auth/integration-registry';
import { WebhookDeliveryStore } from './webhook-delivery.store';
import { WEBHOOK_QUEUE, parseWebhookJob } from './webhook-queue';
import { destinationProblem } from './webhook-destination';
import { SendResult, sendWebhook } from './webhook-sender';

export interface WebhookWorkerOptions {
  concurrency: number;
  timeoutMs: number;
  allowPrivateDestinations: boolean;
}

export type WebhookJobResult = { status: 'delivered'; statusCode: number };

/**
 * The worker side of the `webhooks` queue. Made by a function because @Processor options are
 * static and the timeout is configuration: the lock must outlive the slowest allowed receiver,
 * or BullMQ would hand a still-running delivery to a second worker.
 */
export function webhookProcessorFor(options: WebhookWorkerOptions): Type<WorkerHost> {
  @Processor(WEBHOOK_QUEUE, { concurrency: options.concurrency, lockDuration: Math.max(30_000, options.timeoutMs * 2) })
  class WebhookProcessor extends WorkerHost {
    private readonly logger = new Logger('Webhooks');

    constructor(
      @Inject(WebhookDeliveryStore) private readonly store: WebhookDeliveryStore,
      @Inject(IntegrationRegistry) private readonly registry: IntegrationRegistry,
    ) {
      super();
    }

    override async process(job: Job): Promise<WebhookJobResult> {
      const { eventId } = parseWebhookJob(job.data);
      const record = await this.store.get(eventId);
      if (!record) throw new UnrecoverableError(`webhook ${eventId}: delivery record expired`);
      const secret = this.registry.byId(record.integrationId)?.secret;
      if (!secret) {
        await this.store.update(eventId, { status: 'failed', lastError: `integration ${record.integrationId} is no longer configured with a secret` });
        throw new UnrecoverableError(`webhook ${eventId}: integration ${record.integrationId} has no secret`);
      }
      const attempt = record.attempts + 1;
      const refused = await destinationProblem(record.url, options.allowPrivateDestinations);
      const result: SendResult = refused
        ? { kind: 'rejected', statusCode: 0, error: refused }
        : await sendWebhook({ url: record.url, secret }, { eventId, body: record.body, attempt }, options.timeoutMs);
      if (result.kind === 'delivered') {
        await this.store.update(eventId, { status: 'delivered', attempts: attempt, lastStatusCode: result.statusCode, lastError: null });
        this.logger.log(`event ${eventId} delivered (attempt ${attempt}, job ${job.id ?? '?'}, HTTP ${result.statusCode})`);
        return { status: 'delivered', statusCode: result.statusCode };
      }
      const lastAttempt = result.kind === 'rejected' || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.store.update(eventId, { status: lastAttempt ? 'failed' : 'pending', attempts: attempt, lastStatusCode: result.statusCode, lastError: result.error });
      this.logger.warn(`event ${eventId} attempt ${attempt} failed (job ${job.id ?? '?'}): ${result.error}${lastAttempt ? '; giving up (listed as failed, resend with POST /v1/webhook-deliveries/:id/resend)' : '; will retry'}`);
      // UnrecoverableError makes BullMQ fail the job at once instead of retrying it.
      if (result.kind === 'rejected') throw new UnrecoverableError(result.error);
      throw new Error(result.error);
    }
  }
  return WebhookProcessor;
}
