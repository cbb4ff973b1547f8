/** One BullMQ queue per module, so heavy modules can get their own worker processes. No ':' (BullMQ). */
export function stepQueueName(moduleId: string): string {
  return `step-${moduleId}`;
}

export const JOB_NAMES = {
  step: 'step',
} as const;
