import { Logger } from '@nestjs/common';
import type { ReviewDecider } from './review-decider';
import type { ReviewTaskListener } from './review-task.listener';
import type { ReviewTaskStore } from './review-task.store';
import type { RunRepository } from '../runs/run.repository';

export interface SweepSettings {
  slaMs: number;
  expiryMs: number;
}

/**
 * Housekeeping for the review pool, run by the worker role on a timer: finish decisions a crash
 * interrupted, return lapsed leases to the pool, flag tasks past the SLA once, and decide tasks
 * nobody reviewed in time `expired` (9104). Reads also apply leases and expiry lazily, so the
 * sweep only bounds how stale the stored state gets.
 */
export class ReviewSweeper {
  private readonly logger = new Logger('ReviewSweeper');

  constructor(
    private readonly tasks: ReviewTaskStore,
    private readonly decider: ReviewDecider,
    private readonly settings: SweepSettings,
  ) {}

  async sweep(now = Date.now()): Promise<void> {
    await this.decider.repair();
    for (let offset = 0; ; offset += 500) {
      const ids = await this.tasks.openIds(null, 0, now, offset, 500);
      for (const task of await this.tasks.getMany(ids)) {
        const age = now - task.createdAt;
        if (age >= this.settings.expiryMs) {
          const result = await this.decider.decide(task, null, { via: 'expiry' }, now);
          if (result.kind === 'ok') this.logger.warn(`run ${task.runId}: review expired after ${Math.round(age / 1000)} s`);
          continue;
        }
        if (task.state === 'claimed' && (task.leaseExpiresAt ?? 0) <= now && (await this.tasks.returnLapsedLease(task.taskId, now))) {
          this.logger.log(`run ${task.runId}: lease of ${task.owner ?? '?'} lapsed; task back in the pool`);
        }
        if (age >= this.settings.slaMs && (await this.tasks.flagSla(task.taskId, now))) {
          this.logger.warn(`run ${task.runId}: review task waiting ${Math.round(age / 1000)} s, over the SLA of ${Math.round(this.settings.slaMs / 1000)} s`);
        }
      }
      // Expired tasks leave the set while we page, so a short page means we are done.
      if (ids.length < 500) break;
    }
  }

  /**
   * At boot: re-queue every open task's job (no-op when it exists), repairing a crash between
   * creating a task and adding its job. Restarts therefore lose no open task.
   */
  async ensureQueued(runs: RunRepository, listener: ReviewTaskListener): Promise<number> {
    let count = 0;
    for (let offset = 0; ; offset += 500) {
      const ids = await this.tasks.openIds(null, 0, Number.MAX_SAFE_INTEGER, offset, 500);
      for (const id of ids) {
        const stored = await runs.get(id);
        if (stored?.run.status === 'review') {
          await listener.onReviewRequired(stored.run);
          count++;
        }
      }
      if (ids.length < 500) return count;
    }
  }
}
