import { Inject, Type } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AnalysisRunner } from '../analysis/analysis.runner';
import type { AnalysisJobResult } from '../analysis/analysis-job';
import { StepRunner, StepJobResult } from '../execution/step-runner';
import { JOB_NAMES, stepQueueName } from './queue-names';

export interface StepWorkerOptions {
  concurrency: number;
  lockDuration: number;
  stalledInterval: number;
}

/**
 * One processor class per module queue. @Processor takes a static queue name, and the module list
 * is data, so the classes are made here at boot from the registry.
 */
export function stepProcessorFor(moduleId: string, options: StepWorkerOptions): Type<WorkerHost> {
  @Processor(stepQueueName(moduleId), {
    concurrency: options.concurrency,
    lockDuration: options.lockDuration,
    stalledInterval: options.stalledInterval,
    // A job whose worker was killed is redelivered; twice is allowed before it counts as failed.
    maxStalledCount: 2,
    // Jobs are mostly waiting on the inference pool, so the event loop stays free to renew locks.
    autorun: true,
  })
  class StepProcessor extends WorkerHost {
    constructor(
      @Inject(StepRunner) private readonly steps: StepRunner,
      @Inject(AnalysisRunner) private readonly analyses: AnalysisRunner,
    ) {
      super();
    }

    override async process(job: Job): Promise<StepJobResult | AnalysisJobResult> {
      return job.name === JOB_NAMES.analyze ? this.analyses.process(job) : this.steps.process(job);
    }
  }
  Object.defineProperty(StepProcessor, 'name', { value: `StepProcessor_${moduleId.replace(/-/g, '_')}` });
  return StepProcessor;
}
