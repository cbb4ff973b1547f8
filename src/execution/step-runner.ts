import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { ModuleRunInput } from '../../modules/module-handler';
import type { Catalog } from '../catalog/catalog';
import { readPath } from '../engine/context-path';
import type { JourneyStep } from '../engine/journey';
import type { ModuleDefinition } from '../engine/module-definition';
import { isEvidenceRef, Run } from '../engine/run';
import { effectiveThresholds } from '../engine/outcome-evaluator';
import { completeStep, StepResult } from '../engine/run-transitions';
import type { InferencePool } from '../inference/inference-pool';
import { parseStepJob, StepJobData } from '../queue/step-job';
import type { EvidenceStore } from '../runs/evidence.store';
import type { RunRepository } from '../runs/run.repository';
import type { RunAdvancer } from './run-advancer';

/** What a step job returns (kept by BullMQ for inspection). */
export type StepJobResult = { status: 'advanced'; outcome: string } | { status: 'duplicate' };

type Gathered = { kind: 'ok'; input: ModuleRunInput } | { kind: 'missing'; reason: string };

/**
 * Runs one step visit: gather inputs, run the module in the inference pool, evaluate the outcome
 * (pure engine), save the transition and enqueue what follows. Safe to run twice for one visit.
 */
export class StepRunner {
  private readonly logger = new Logger('StepRunner');

  constructor(
    private readonly catalog: Catalog,
    private readonly runs: RunRepository,
    private readonly evidence: EvidenceStore,
    private readonly pool: InferencePool,
    private readonly advancer: RunAdvancer,
  ) {}

  async process(job: Job): Promise<StepJobResult> {
    const data = parseStepJob(job.data);
    const stored = await this.runs.get(data.runId);
    if (!stored) throw new UnrecoverableError(`run ${data.runId} not found (expired or never created)`);
    if (!isCurrent(stored.run, data)) {
      await this.advancer.reconcile(stored.run);
      return { status: 'duplicate' };
    }
    const journey = this.catalog.pinned(stored.run.journey);
    const step = journey?.steps[data.stepId];
    if (!journey || !step) throw new UnrecoverableError(`run ${data.runId}: journey ${stored.run.journey.id}@${stored.run.journey.version} or step ${data.stepId} is no longer loaded`);
    const module = this.catalog.module(step.module);

    const result = await this.execute(job, stored.run, step, module);
    const attempts = job.attemptsMade + 1;
    const now = new Date().toISOString();
    // Only one job holds a given visit, so a lost compare-and-set means a redelivery won the race.
    for (let tries = 0; tries < 3; tries++) {
      const current = tries === 0 ? stored : await this.runs.get(data.runId);
      if (!current) throw new UnrecoverableError(`run ${data.runId} disappeared`);
      if (!isCurrent(current.run, data)) {
        await this.advancer.reconcile(current.run);
        return { status: 'duplicate' };
      }
      const transition = completeStep(current.run, journey, module, { ...result, attempts }, (id) => this.catalog.module(id), now);
      if (await this.advancer.commit(transition, current.version)) {
        const outcome = transition.run.steps.find((s) => s.stepId === data.stepId && s.visit === data.visit)?.outcome ?? 'ERROR';
        this.logger.log(`run ${data.runId} step ${data.stepId}#${data.visit} job ${job.id ?? '?'} -> ${outcome}`);
        return { status: 'advanced', outcome };
      }
    }
    throw new Error(`run ${data.runId}: could not save step ${data.stepId} after 3 tries`);
  }

  private async execute(job: Job, run: Run, step: JourneyStep, module: ModuleDefinition): Promise<Omit<StepResult, 'attempts'>> {
    const startedAt = new Date().toISOString();
    const inconclusive = (reason: string) => ({ capabilities: {}, reason, forceError: true, startedAt, finishedAt: new Date().toISOString() });
    const gathered = await this.gather(run, step, module);
    if (gathered.kind === 'missing') return inconclusive(gathered.reason);
    try {
      const outcome = await this.pool.run(module.id, gathered.input);
      if (outcome.kind === 'input-error') return inconclusive(outcome.code);
      return { capabilities: outcome.result.capabilities, reason: outcome.result.reason ?? null, forceError: false, startedAt, finishedAt: new Date().toISOString() };
    } catch (err) {
      const attempts = job.opts.attempts ?? 1;
      // Transient until the last attempt; then the run must still move on, as ERROR (seed 001:
      // "a system-level issue"), rather than sit in a failed job forever.
      if (job.attemptsMade + 1 < attempts) throw err;
      this.logger.error(`run ${run.id} step ${step.module}: giving up after ${attempts} attempts: ${err instanceof Error ? err.message : String(err)}`);
      return inconclusive('SYSTEM_ERROR');
    }
  }

  private async gather(run: Run, step: JourneyStep, module: ModuleDefinition): Promise<Gathered> {
    const input: ModuleRunInput = { images: {}, values: {}, params: step.params ?? {}, thresholds: effectiveThresholds(module, step) };
    for (const spec of module.inputs) {
      const path = step.inputs[spec.name];
      const value = path === undefined ? undefined : readPath(run.context, path);
      if (value === undefined || value === null) {
        if (spec.required) return { kind: 'missing', reason: 'INPUT_MISSING' };
        continue;
      }
      if (spec.type === 'image') {
        if (!isEvidenceRef(value)) return { kind: 'missing', reason: 'INPUT_NOT_AN_IMAGE' };
        const bytes = await this.evidence.get(run.id, value.$evidence);
        if (!bytes) return { kind: 'missing', reason: 'EVIDENCE_EXPIRED' };
        // A fresh, exactly-sized copy so it can be transferred to the thread without copying again.
        input.images[spec.name] = new Uint8Array(bytes);
      } else {
        input.values[spec.name] = value;
      }
    }
    return { kind: 'ok', input };
  }
}

function isCurrent(run: Run, data: StepJobData): boolean {
  return run.status === 'running' && run.cursor?.stepId === data.stepId && run.cursor.visit === data.visit;
}
