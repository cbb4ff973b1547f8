import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import { RunRepository } from '../runs/run.repository';
import { ReviewResultCollector } from './review-result.collector';
import { ReviewSweeper } from './review-sweeper';
import { ReviewTaskListener } from './review-task.listener';

/**
 * The worker role's review loops: the consumer-result collector and the sweeper. Timers (not
 * BullMQ repeatable jobs) because both are idempotent passes over Redis state that any number
 * of workers may run at once; each loop waits for its pass before scheduling the next.
 */
export class ReviewWorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ReviewWorker');
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly passes = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ReviewResultCollector) private readonly collector: ReviewResultCollector,
    @Inject(ReviewSweeper) private readonly sweeper: ReviewSweeper,
    @Inject(ReviewTaskListener) private readonly listener: ReviewTaskListener,
    @Inject(RunRepository) private readonly runs: RunRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queued = await this.sweeper.ensureQueued(this.runs, this.listener);
    this.logger.log(`review pool: ${queued} open task(s) on the queue; sweep every ${this.config.review.sweepIntervalMs} ms`);
    this.loop('collect', this.config.review.collectIntervalMs, () => this.collector.collect());
    this.loop('sweep', this.config.review.sweepIntervalMs, () => this.sweeper.sweep());
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    await Promise.allSettled([...this.passes]);
  }

  private loop(name: string, intervalMs: number, pass: () => Promise<unknown>): void {
    const tick = () => {
      if (this.stopped) return;
      const running = pass().catch((err: unknown) => this.logger.error(`review ${name} pass failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
      this.passes.add(running);
      void running.finally(() => {
        this.passes.delete(running);
        if (this.stopped) return;
        const t = setTimeout(() => {
          this.timers.delete(t);
          tick();
        }, intervalMs);
        this.timers.add(t);
      });
    };
    tick();
  }
}
