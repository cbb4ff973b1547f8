import { REASON_CODES } from '../engine/reason-codes';
import { effectiveState, ReviewTask } from './review-task';
import { REVIEW_DECISIONS, reasonCodesFor } from './review-verdict';

/** A task as listed (GET /v1/reviews/tasks). */
export function taskSummary(task: ReviewTask, now: number, slaMs: number) {
  const state = effectiveState(task, now);
  const age = now - task.createdAt;
  const score = Object.entries(task.detail.capabilities).find(([k, v]) => /score$/i.test(k) && typeof v === 'number');
  return {
    taskId: task.taskId,
    runId: task.runId,
    journey: `${task.journeyId}@${task.journeyVersion}`,
    stepId: task.stepId,
    module: `${task.detail.module}@${task.detail.moduleVersion}`,
    outcome: task.outcome,
    state,
    createdAt: new Date(task.createdAt).toISOString(),
    ageSeconds: Math.floor(age / 1000),
    overSla: state !== 'decided' && state !== 'expired' && age > slaMs,
    headline: score ? { name: score[0], value: score[1] } : null,
    issues: Array.isArray(task.detail.capabilities.issues) ? task.detail.capabilities.issues : [],
    claimedBy: state === 'claimed' ? task.reviewer : null,
    leaseExpiresAt: state === 'claimed' && task.leaseExpiresAt ? new Date(task.leaseExpiresAt).toISOString() : null,
    consumerError: task.consumerError,
  };
}

export type TaskSummary = ReturnType<typeof taskSummary>;

/** The reason codes a reviewer may pick, per decision (seed 000). */
export function reasonCodeChoices() {
  return Object.fromEntries(REVIEW_DECISIONS.map((d) => [d, reasonCodesFor(d).map((code) => ({ code, description: REASON_CODES[code] ?? '' }))]));
}
