import type { JobsOptions } from 'bullmq';

/**
 * Step job options, in one place. Attempts cover transient failures (a crashed inference thread,
 * Redis hiccups); bad input never throws, it becomes the ERROR outcome. Completed jobs are kept
 * for an hour so a redelivered enqueue with the same id is a no-op rather than a second job.
 */
export function stepJobOptions(jobId: string, attempts: number): JobsOptions {
  return {
    jobId,
    attempts,
    backoff: { type: 'exponential', delay: 500 },
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}
