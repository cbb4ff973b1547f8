/** unit: outcome evaluation and routing, the pure engine core. */
import type { Journey } from '../../src/engine/journey';
import type { ModuleDefinition } from '../../src/engine/module-definition';
import { evaluateOutcome } from '../../src/engine/outcome-evaluator';
import { pendingEffects } from '../../src/engine/pending-effects';
import { completeStep, decideRun, startRun, StepResult, TransitionError } from '../../src/engine/run-transitions';

const liveness: ModuleDefinition = {
  id: 'score',
  version: '1.0.0',
  title: 'score',
  description: 'test module',
  inputs: [{ name: 'selfie', type: 'image', required: true, description: 'x' }],
  capabilities: [{ name: 'livenessScore', type: 'integer', default: 0, description: 'x' }],
  thresholds: { success: 75, review: 60 },
  outcomes: [
    { outcome: 'ERROR', when: { '==': [{ var: 'livenessScore' }, 0] }, description: 'inconclusive' },
    { outcome: 'Success', when: { '>=': [{ var: 'livenessScore' }, { var: 'thresholds.success' }] }, description: 'live' },
    { outcome: 'Review', when: { '>=': [{ var: 'livenessScore' }, { var: 'thresholds.review' }] }, description: 'unsure' },
    { outcome: 'Fail', when: { '>=': [{ var: 'livenessScore' }, 1] }, description: 'spoof' },
  ],
};

const journey: Journey = {
  id: 'j',
  version: 2,
  title: 'j',
  entry: 'live',
  steps: {
    live: {
      module: 'score',
      inputs: { selfie: 'subject.biometrics.0.selfieImage' },
      routes: { Success: { step: 'again' }, Review: { decision: 'review' }, Fail: { decision: 'declined', reasonCode: 503 }, ERROR: { decision: 'resubmission_requested', reasonCode: 605 } },
    },
    again: {
      module: 'score',
      inputs: { selfie: 'subject.biometrics.0.selfieImage' },
      thresholds: { success: 90 },
      maxVisits: 2,
      onMaxVisits: { decision: 'review' },
      routes: { Success: { decision: 'approved' }, Review: { step: 'again' }, Fail: { decision: 'declined' }, ERROR: { decision: 'review' } },
    },
  },
};

const modules = () => liveness;
const now = '2026-01-01T00:00:00.000Z';
const result = (livenessScore: number, extra: Partial<StepResult> = {}): StepResult => ({
  capabilities: { livenessScore },
  reason: null,
  forceError: false,
  startedAt: now,
  finishedAt: '2026-01-01T00:00:00.250Z',
  attempts: 1,
  ...extra,
});

describe('evaluateOutcome', () => {
  const data = (score: number) => ({ livenessScore: score, reason: null, thresholds: { success: 75, review: 60 } });
  it.each([
    [100, 'Success'],
    [75, 'Success'],
    [74, 'Review'],
    [60, 'Review'],
    [59, 'Fail'],
    [1, 'Fail'],
    [0, 'ERROR'],
  ])('score %i -> %s (seed 001 thresholds; 0 is inconclusive, never Fail)', (score, outcome) => {
    expect(evaluateOutcome(liveness.outcomes, data(score)).outcome).toBe(outcome);
  });

  it('falls back to ERROR when no rule matches, and names the fallback', () => {
    const evaluation = evaluateOutcome([{ outcome: 'Success', when: { '>': [{ var: 'livenessScore' }, 1000] } }], data(50));
    expect(evaluation).toEqual({ outcome: 'ERROR', ruleIndex: null, rule: 'no rule matched (default ERROR)' });
  });

  it('turns a rule that throws into ERROR, not an exception', () => {
    const evaluation = evaluateOutcome([{ outcome: 'Success', when: { nope: [1] } }], data(50));
    expect(evaluation.outcome).toBe('ERROR');
    expect(evaluation.rule).toMatch(/rule 0 failed to evaluate: Unrecognized operation nope/);
  });
});

describe('run transitions', () => {
  const start = () => startRun({ id: 'r1', resourceId: 'j', journey, context: {}, modules, now });

  it('starts at the entry step and asks for its job', () => {
    const t = start();
    expect(t.run.cursor).toEqual({ stepId: 'live', visit: 1 });
    expect(t.effects).toEqual([{ kind: 'enqueue-step', stepId: 'live', visit: 1 }]);
    expect(pendingEffects(t.run)).toEqual(t.effects);
  });

  it('records the step and routes to a terminal decision with the seed 000 reason', () => {
    const t = completeStep(start().run, journey, liveness, result(30), modules, now);
    expect(t.run.status).toBe('decided');
    expect(t.run.decision).toMatchObject({ status: 'declined', code: 9102, reasonCode: 503, reason: 'Declined - Attempted deceit', decidedBy: 'engine' });
    expect(t.run.steps[0]).toMatchObject({ stepId: 'live', outcome: 'Fail', rule: 'spoof', ruleIndex: 3, durationMs: 250, status: 'done' });
    expect(t.effects).toEqual([{ kind: 'decided' }]);
  });

  it('uses step threshold overrides and bounds loops with maxVisits', () => {
    let t = completeStep(start().run, journey, liveness, result(80), modules, now);
    expect(t.run.cursor).toEqual({ stepId: 'again', visit: 1 });
    // 80 is Review under the step's success threshold of 90: loops back to itself once.
    t = completeStep(t.run, journey, liveness, result(80), modules, now);
    expect(t.run.cursor).toEqual({ stepId: 'again', visit: 2 });
    t = completeStep(t.run, journey, liveness, result(80), modules, now);
    expect(t.run.status).toBe('review');
    expect(t.run.decision).toMatchObject({ status: 'review', code: 9121 });
    expect(t.effects).toEqual([{ kind: 'review-required' }]);
  });

  it('forces ERROR for bad input regardless of the rules, keeping the reason', () => {
    const t = completeStep(start().run, journey, liveness, result(99, { capabilities: {}, forceError: true, reason: 'IMAGE_CORRUPT' }), modules, now);
    expect(t.run.steps[0]).toMatchObject({ outcome: 'ERROR', reason: 'IMAGE_CORRUPT', capabilities: { livenessScore: 0 } });
    expect(t.run.decision).toMatchObject({ status: 'resubmission_requested', code: 9103, reasonCode: 605 });
  });

  it('refuses to advance a run that is no longer running, and decides a reviewed run once', () => {
    const decided = completeStep(start().run, journey, liveness, result(30), modules, now).run;
    expect(() => completeStep(decided, journey, liveness, result(30), modules, now)).toThrow(TransitionError);
    expect(() => decideRun(decided, 'approved', null, 'alice', now)).toThrow(TransitionError);
  });
});
