import type { Queue } from 'bullmq';
import { JOB_NAMES } from './queue-names';
import { stepJobOptions } from './job-options';
import { StepJobData, stepJobId } from './step-job';

/** Puts step jobs on their module's queue with deterministic ids (a second add is a no-op). */
export class StepProducer {
  constructor(
    private readonly queueFor: (moduleId: string) => Queue,
    private readonly attempts: number,
  ) {}

  async enqueue(moduleId: string, data: StepJobData): Promise<void> {
    await this.queueFor(moduleId).add(JOB_NAMES.step, data, stepJobOptions(stepJobId(data), this.attempts));
  }
}
