import { Logger } from '@nestjs/common';
import type { Catalog } from '../catalog/catalog';
import type { Run } from '../engine/run';
import type { RunEffect, Transition } from '../engine/run-transitions';
import { pendingEffects } from '../engine/pending-effects';
import type { StepProducer } from '../queue/step.producer';
import type { EvidenceStore } from '../runs/evidence.store';
import type { RunEvents } from '../runs/run-events';
import type { RunRepository } from '../runs/run.repository';

/** Extra work to do when a run leaves automation (review tasks, webhooks), added by later features. */
export interface RunListener {
  onReviewRequired?(run: Run): Promise<void>;
  onDecided?(run: Run): Promise<void>;
}

/**
 * Saves transitions (compare-and-set) and carries out their effects. Effects run after the save,
 * and are idempotent, so a crash between the two is repaired by `reconcile` on redelivery.
 */
export class RunAdvancer {
  private readonly logger = new Logger('RunAdvancer');
  private readonly listeners: RunListener[] = [];

  constructor(
    private readonly runs: RunRepository,
    private readonly evidence: EvidenceStore,
    private readonly events: RunEvents,
    private readonly producer: StepProducer,
    private readonly catalog: Catalog,
    private readonly evidenceRetentionSeconds: number,
  ) {}

  addListener(listener: RunListener): void {
    this.listeners.push(listener);
  }

  /** Saves the transition if the run is still at `expectedVersion`, then applies its effects. */
  async commit(transition: Transition, expectedVersion: number): Promise<boolean> {
    if (!(await this.runs.compareAndSet(transition.run, expectedVersion))) return false;
    await this.apply(transition.run, transition.effects);
    return true;
  }

  /** Re-applies what the run's state implies (idempotent). */
  async reconcile(run: Run): Promise<void> {
    await this.apply(run, pendingEffects(run));
  }

  private async apply(run: Run, effects: RunEffect[]): Promise<void> {
    for (const effect of effects) {
      switch (effect.kind) {
        case 'enqueue-step': {
          const journey = this.catalog.pinned(run.journey);
          const step = journey?.steps[effect.stepId];
          if (!step) throw new Error(`run ${run.id}: journey ${run.journey.id}@${run.journey.version} has no step ${effect.stepId}`);
          await this.producer.enqueue(step.module, { runId: run.id, stepId: effect.stepId, visit: effect.visit });
          break;
        }
        case 'review-required':
          for (const l of this.listeners) await l.onReviewRequired?.(run);
          await this.events.publish(run.id);
          this.logger.log(`run ${run.id} routed to review`);
          break;
        case 'decided':
          await this.evidence.release(run.id, this.evidenceRetentionSeconds);
          for (const l of this.listeners) await l.onDecided?.(run);
          await this.events.publish(run.id);
          this.logger.log(`run ${run.id} decided ${run.decision?.status ?? '?'} (${run.decision?.code ?? '?'})`);
          break;
      }
    }
  }
}
