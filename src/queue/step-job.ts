import { UnrecoverableError } from 'bullmq';

/** The payload of a step job. Images are never in job data, only the run id. */
export interface StepJobData {
  runId: string;
  stepId: string;
  visit: number;
}

/** Deterministic: the same step visit of the same run always has the same job id. */
export function stepJobId(data: StepJobData): string {
  return `${data.runId}.${data.stepId}.${data.visit}`;
}

/** Jobs outlive deploys; check what we read instead of trusting it. */
export function parseStepJob(data: unknown): StepJobData {
  const d = data as Partial<StepJobData> | null;
  if (
    !d ||
    typeof d.runId !== 'string' ||
    !/^[A-Za-z0-9_-]{1,80}$/.test(d.runId) ||
    typeof d.stepId !== 'string' ||
    !/^[a-z0-9][a-z0-9-]{0,62}$/.test(d.stepId) ||
    typeof d.visit !== 'number' ||
    !Number.isInteger(d.visit) ||
    d.visit < 1
  ) {
    throw new UnrecoverableError(`invalid step job payload: ${JSON.stringify(data).slice(0, 200)}`);
  }
  return { runId: d.runId, stepId: d.stepId, visit: d.visit };
}
