/** One BullMQ queue per module, so heavy modules can get their own worker processes. No ':' (BullMQ). */
export function stepQueueName(moduleId: string): string {
  return `step-${moduleId}`;
}

/** Job names on a module queue: a journey step, or a synchronous run-less analysis. */
export const JOB_NAMES = {
  step: 'step',
  analyze: 'analyze',
} as const;
