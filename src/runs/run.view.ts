import type { Run } from '../engine/run';

/** The public shape of a run (GET /v1/runs/:id). The context, which may hold PII, is not echoed. */
export function runView(run: Run) {
  return {
    runId: run.id,
    resourceId: run.resourceId,
    journey: `${run.journey.id}@${run.journey.version}`,
    status: run.status,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    steps: run.steps.map((s) => ({
      stepId: s.stepId,
      module: `${s.module}@${s.moduleVersion}`,
      visit: s.visit,
      status: s.status,
      outcome: s.outcome,
      rule: s.rule,
      reason: s.reason,
      capabilities: s.capabilities,
      next: s.route,
      attempts: s.attempts,
      timings: { queuedAt: s.queuedAt, startedAt: s.startedAt, finishedAt: s.finishedAt, durationMs: s.durationMs },
    })),
    decision: run.decision,
    review: run.review ?? null,
  };
}

export type RunViewBody = ReturnType<typeof runView>;
