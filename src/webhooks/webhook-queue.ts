import type { JobsOptions } from 'bullmq';
import { UnrecoverableError } from 'bullmq';

/** The delivery queue, apart from the step queues so a slow receiver never delays a decision. No ':' (BullMQ). */
export const WEBHOOK_QUEUE = 'webhooks' as const;
export const WEBHOOK_JOB = { deliver: 'deliver' } as const;

/** Job data holds only the event id: body, URL and status live in the delivery record, the secret in config. */
export interface WebhookJobData {
  eventId: string;
}

export interface WebhookRetryPolicy {
  attempts: number;
  backoffMs: number;
  retentionSeconds: number;
}

/**
 * Exponential backoff with 50% jitter (BullMQ's built-in jitter), bounded attempts. Completed jobs
 * are kept a day so a re-applied decision (same job id) is a no-op instead of a second delivery.
 */
export function webhookJobOptions(jobId: string, policy: WebhookRetryPolicy): JobsOptions {
  return {
    jobId,
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.backoffMs, jitter: 0.5 },
    removeOnComplete: { age: 24 * 3600, count: 100_000 },
    removeOnFail: { age: policy.retentionSeconds },
  };
}

/** Jobs outlive deploys; check what we read. */
export function parseWebhookJob(data: unknown): WebhookJobData {
  const d = data as Partial<WebhookJobData> | null;
  if (!d || typeof d.eventId !== 'string' || !/^[0-9a-f-]{36}$/.test(d.eventId)) {
    throw new UnrecoverableError(`invalid webhook job payload: ${JSON.stringify(data).slice(0, 200)}`);
  }
  return { eventId: d.eventId };
}
