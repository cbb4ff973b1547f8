import { DECISION_CODES, Decision } from './decision';
import type { Journey, JourneyStep, RouteTarget } from './journey';
import type { ModuleDefinition } from './module-definition';
import { effectiveRules, effectiveThresholds, evaluateOutcome, withDefaults } from './outcome-evaluator';
import { describeReasonCode } from './reason-codes';
import type { Run, RunOrigin, StepRecord } from './run';

/** What the caller must do after a transition has been saved. */
export type RunEffect =
  | { kind: 'enqueue-step'; stepId: string; visit: number }
  | { kind: 'review-required' }
  | { kind: 'decided' };

export interface Transition {
  run: Run;
  effects: RunEffect[];
}

/** What a module produced for one step visit (or the inconclusive fallback when it could not run). */
export interface StepResult {
  capabilities: Record<string, unknown>;
  reason: string | null;
  /** Forces ERROR regardless of the rules (bad input, exhausted retries). */
  forceError: boolean;
  startedAt: string;
  finishedAt: string;
  attempts: number;
}

/** Thrown for programming errors: a journey that passed the catalog checks cannot hit these. */
export class TransitionError extends Error {}

export interface ModuleLookup {
  (moduleId: string): ModuleDefinition;
}

export function startRun(init: { id: string; resourceId: string; journey: Journey; context: Record<string, unknown>; modules: ModuleLookup; now: string; origin?: RunOrigin }): Transition {
  const { journey, now } = init;
  const run: Run = {
    id: init.id,
    resourceId: init.resourceId,
    journey: { id: journey.id, version: journey.version },
    status: 'running',
    createdAt: now,
    updatedAt: now,
    context: init.context,
    cursor: null,
    visits: {},
    steps: [],
    decision: null,
    ...(init.origin ? { origin: init.origin } : {}),
  };
  return follow(run, journey, { step: journey.entry }, init.modules, now);
}

/** Applies a step's result: evaluate its outcome, then follow the journey's route for it. */
export function completeStep(run: Run, journey: Journey, module: ModuleDefinition, result: StepResult, modules: ModuleLookup, now: string): Transition {
  const cursor = run.cursor;
  if (run.status !== 'running' || cursor === null) throw new TransitionError(`run ${run.id} is not running`);
  const step = stepOf(journey, cursor.stepId);
  const capabilities = withDefaults(module.capabilities, result.capabilities);
  const evaluation = result.forceError
    ? { outcome: 'ERROR' as const, ruleIndex: null, rule: `inconclusive: ${result.reason ?? 'error'}` }
    : evaluateOutcome(effectiveRules(module, step), { ...capabilities, reason: result.reason, thresholds: effectiveThresholds(module, step) });
  const route = step.routes[evaluation.outcome];
  if (!route) throw new TransitionError(`step ${cursor.stepId} has no route for ${evaluation.outcome}`);

  const record: StepRecord = {
    ...currentRecord(run),
    status: 'done',
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    durationMs: Date.parse(result.finishedAt) - Date.parse(result.startedAt),
    attempts: result.attempts,
    capabilities,
    outcome: evaluation.outcome,
    rule: evaluation.rule,
    ruleIndex: evaluation.ruleIndex,
    reason: result.reason,
    route,
  };
  const updated: Run = { ...run, steps: [...run.steps.slice(0, -1), record], updatedAt: now };
  return follow(updated, journey, route, modules, now);
}

/** Finalises a run from outside the journey (a reviewer, or the expiry clock). */
export function decideRun(run: Run, status: Decision['status'], reasonCode: number | null, decidedBy: string, now: string, reason?: string): Transition {
  if (run.status === 'decided') throw new TransitionError(`run ${run.id} is already decided`);
  const decision = makeDecision(status, reasonCode, decidedBy, now, reason);
  return { run: { ...run, status: 'decided', cursor: null, decision, updatedAt: now }, effects: [{ kind: 'decided' }] };
}

function follow(run: Run, journey: Journey, target: RouteTarget, modules: ModuleLookup, now: string): Transition {
  if ('decision' in target) {
    const decision = makeDecision(target.decision, target.reasonCode ?? null, 'engine', now);
    if (target.decision === 'review') {
      return { run: { ...run, status: 'review', cursor: null, decision, updatedAt: now }, effects: [{ kind: 'review-required' }] };
    }
    return { run: { ...run, status: 'decided', cursor: null, decision, updatedAt: now }, effects: [{ kind: 'decided' }] };
  }
  const step = stepOf(journey, target.step);
  const visit = (run.visits[target.step] ?? 0) + 1;
  if (step.maxVisits !== undefined && visit > step.maxVisits) {
    if (!step.onMaxVisits || !('decision' in step.onMaxVisits)) throw new TransitionError(`step ${target.step} exceeded maxVisits without a decision`);
    return follow(run, journey, step.onMaxVisits, modules, now);
  }
  const module = modules(step.module);
  const record: StepRecord = {
    stepId: target.step,
    module: module.id,
    moduleVersion: module.version,
    visit,
    status: 'queued',
    queuedAt: now,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    attempts: null,
    capabilities: null,
    outcome: null,
    rule: null,
    ruleIndex: null,
    reason: null,
    route: null,
  };
  return {
    run: { ...run, cursor: { stepId: target.step, visit }, visits: { ...run.visits, [target.step]: visit }, steps: [...run.steps, record], updatedAt: now },
    effects: [{ kind: 'enqueue-step', stepId: target.step, visit }],
  };
}

function makeDecision(status: Decision['status'], reasonCode: number | null, decidedBy: string, now: string, reason?: string): Decision {
  return { status, code: DECISION_CODES[status], reasonCode, reason: reason ?? describeReasonCode(reasonCode), decidedAt: now, decidedBy };
}

function stepOf(journey: Journey, stepId: string): JourneyStep {
  const step = journey.steps[stepId];
  if (!step) throw new TransitionError(`journey ${journey.id}@${journey.version} has no step ${stepId}`);
  return step;
}

function currentRecord(run: Run): StepRecord {
  const last = run.steps[run.steps.length - 1];
  if (!last || last.status !== 'queued') throw new TransitionError(`run ${run.id} has no queued step`);
  return last;
}
