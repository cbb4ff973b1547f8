import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { Catalog } from '../catalog/catalog';
import { effectiveRules, effectiveThresholds, evaluateOutcome, withDefaults } from '../engine/outcome-evaluator';
import type { InferencePool } from '../inference/inference-pool';
import type { EvidenceStore } from '../runs/evidence.store';
import { AnalysisJobResult, parseAnalysisJob } from './analysis-job';

/** Worker side of a synchronous analysis: run the module, apply its default outcome rules. */
export class AnalysisRunner {
  constructor(
    private readonly catalog: Catalog,
    private readonly evidence: EvidenceStore,
    private readonly pool: InferencePool,
  ) {}

  async process(job: Job): Promise<AnalysisJobResult> {
    const data = parseAnalysisJob(job.data);
    const module = this.catalog.module(data.moduleId);
    const images: Record<string, Uint8Array> = {};
    for (const [input, name] of Object.entries(data.images)) {
      const bytes = await this.evidence.get(data.analysisId, name);
      if (!bytes) throw new UnrecoverableError(`analysis ${data.analysisId}: image ${name} expired before a worker took the job`);
      images[input] = new Uint8Array(bytes);
    }
    const outcome = await this.pool.run(module.id, { images, values: {}, params: data.params, thresholds: effectiveThresholds(module, {}) });
    if (outcome.kind === 'input-error') return { kind: 'input-error', code: outcome.code, message: outcome.message };
    const capabilities = withDefaults(module.capabilities, outcome.result.capabilities);
    const reason = outcome.result.reason ?? null;
    const evaluation = evaluateOutcome(effectiveRules(module, {}), { ...capabilities, reason, thresholds: effectiveThresholds(module, {}) });
    return { kind: 'result', capabilities, reason, outcome: evaluation.outcome, rule: evaluation.rule };
  }
}
