import type Redis from 'ioredis';
import type { RedisKeys } from '../redis/redis-keys';

/**
 * Tells waiting HTTP requests (`?waitMs=`) in any API process that a run left the `running`
 * state. Pub/sub is only a wake-up: waiters always re-read the run, so a lost message costs
 * at most the wait, never a wrong answer.
 */
export class RunEvents {
  private readonly waiters = new Map<string, Set<() => void>>();
  private subscribed: Promise<unknown> | null = null;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly keys: RedisKeys,
  ) {
    this.subscriber.on('message', (_channel: string, runId: string) => {
      for (const wake of this.waiters.get(runId) ?? []) wake();
    });
  }

  async publish(runId: string): Promise<void> {
    await this.publisher.publish(this.keys.runEvents, runId);
  }

  /** Resolves when the run changes state or after `ms`, whichever comes first. */
  async waitForChange(runId: string, ms: number, stillWaiting: () => Promise<boolean>): Promise<void> {
    this.subscribed ??= this.subscriber.subscribe(this.keys.runEvents);
    await this.subscribed;
    await new Promise<void>((resolve) => {
      const set = this.waiters.get(runId) ?? new Set();
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.waiters.delete(runId);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
      this.waiters.set(runId, set);
      // The decision may have landed between the caller's read and our subscription.
      void stillWaiting().then((waiting) => (waiting ? undefined : done()), () => done());
    });
  }
}
