import { Inject, Logger } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { WebhookNotifier } from '../webhooks/webhook-notifier';
import { subjectWebhookEvent } from '../webhooks/webhook-event';
import { WebhookProducer } from '../webhooks/webhook.producer';
import { isOpen } from './session';
import { sessionDecision, sessionSubject } from './session-decision';
import { parseSessionExpiryJob, SESSION_EXPIRY_QUEUE } from './session-expiry.queue';
import { SessionRepository } from './session.repository';

export type SessionExpiryResult = { status: 'expired' | 'abandoned' | 'not-open' | 'missing' };

/**
 * Ends sessions that were not submitted by their expiry: `expired` (no media) or `abandoned`
 * (media but no submission), both code 9104, deletes their media and sends the decision webhook.
 */
@Processor(SESSION_EXPIRY_QUEUE, { concurrency: 4 })
export class SessionExpiryProcessor extends WorkerHost {
  private readonly logger = new Logger('Sessions');

  constructor(
    @Inject(SessionRepository) private readonly sessions: SessionRepository,
    @Inject(WebhookProducer) private readonly producer: WebhookProducer,
    @Inject(WebhookNotifier) private readonly notifier: WebhookNotifier,
  ) {
    super();
  }

  override async process(job: Job): Promise<SessionExpiryResult> {
    const { sessionId } = parseSessionExpiryJob(job.data);
    const stored = await this.sessions.get(sessionId);
    if (!stored) return { status: 'missing' };
    const { session, version } = stored;
    if (!isOpen(session)) return { status: 'not-open' };
    const status = session.media.length > 0 ? 'abandoned' : 'expired';
    const ended = { ...session, status, endedAt: session.expiresAt } as const;
    // Lost the race (a submit or upload landed): throw so BullMQ retries and re-reads.
    if (!(await this.sessions.compareAndSet(ended, version))) throw new Error(`session ${sessionId} changed while expiring`);
    await this.sessions.deleteMedia(sessionId, 'face');
    const decision = sessionDecision(ended, null, new Date());
    const target = this.notifier.targetFor(session.integrationId, session.callbackUrl);
    if (decision && target) {
      const event = subjectWebhookEvent(sessionSubject(ended), { runId: null, sessionId, resourceId: session.resourceId }, 'decision', decision, new Date().toISOString());
      await this.producer.publish(event, target);
    }
    this.logger.log(`session ${sessionId} ${status} (job ${job.id ?? '?'})`);
    return { status };
  }
}
