import type { JobsOptions } from 'bullmq';

/** The BullMQ queue plain consumers read (`new Worker('manual-review', ...)`). No ':' (BullMQ). */
export const REVIEW_QUEUE = 'manual-review' as const;

export const REVIEW_JOB_NAMES = { review: 'review' } as const;

/**
 * One job per task, id = task id, so re-adding (reconcile, boot repair) is a no-op while the job
 * exists. Completed jobs are NOT removed by BullMQ: their return value is the consumer's decision,
 * and the engine's collector removes each job only after applying it (see review-result.collector).
 */
export function reviewJobOptions(taskId: string): JobsOptions {
  return {
    jobId: taskId,
    attempts: 3,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: false,
    removeOnFail: { age: 30 * 24 * 3600 },
  };
}
