import type { RunEffect } from './run-transitions';
import type { Run } from './run';

/**
 * The effects a run's current state implies. Applying them is idempotent, so a redelivered job
 * that finds its transition already saved (the worker died between saving and acting) can
 * finish the work instead of redoing the step.
 */
export function pendingEffects(run: Run): RunEffect[] {
  switch (run.status) {
    case 'running':
      return run.cursor ? [{ kind: 'enqueue-step', stepId: run.cursor.stepId, visit: run.cursor.visit }] : [];
    case 'review':
      return [{ kind: 'review-required' }];
    case 'decided':
      return [{ kind: 'decided' }];
  }
}
