import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { DecisionStatus } from '../engine/decision';
import type { ReviewChannel, ReviewRecord } from '../engine/review-record';
import { decideRun } from '../engine/run-transitions';
import type { RunAdvancer } from '../execution/run-advancer';
import type { RunRepository } from '../runs/run.repository';
import type { DecideAuthority, DecideResult, ReviewTaskStore } from './review-task.store';
import type { ReviewTask } from './review-task';
import type { ReviewVerdict } from './review-verdict';

/** A decision as recorded on the task before the run is committed (replayed by crash repair). */
interface RecordedDecision {
  status: Exclude<DecisionStatus, 'review'>;
  reasonCode: number | null;
  note: string | null;
  via: ReviewChannel;
  reviewer: string | null;
  integration: string | null;
  claimedAt: number | null;
  decidedAt: number;
}

/** Who decides: a lease holder through the API, a plain BullMQ consumer, or the expiry clock. */
export type ReviewActor =
  | { via: 'api'; owner: string; reviewer: string; integration: string; leaseId: string }
  | { via: 'queue'; reviewer: string }
  | { via: 'expiry' };

export type ReviewDecideResult = DecideResult | { kind: 'task-not-found' };

/**
 * The one decision path every channel ends in: an atomic task transition in Redis (exactly one
 * caller wins), then decideRun committed through RunAdvancer (compare-and-set), whose 'decided'
 * effect releases evidence, wakes waiters and notifies listeners (webhooks) as for automatic
 * decisions.
 */
export class ReviewDecider {
  private readonly logger = new Logger('ReviewDecider');

  constructor(
    private readonly tasks: ReviewTaskStore,
    private readonly runs: RunRepository,
    private readonly advancer: RunAdvancer,
    private readonly queue: Queue,
    private readonly slaMs: number,
  ) {}

  async decide(task: ReviewTask, verdict: ReviewVerdict | null, actor: ReviewActor, now = Date.now()): Promise<ReviewDecideResult> {
    const recorded: RecordedDecision = {
      status: verdict === null ? 'expired' : verdict.decision,
      reasonCode: verdict?.reasonCode ?? null,
      note: verdict?.note ?? null,
      via: actor.via,
      reviewer: actor.via === 'expiry' ? null : actor.reviewer,
      integration: actor.via === 'api' ? actor.integration : null,
      claimedAt: actor.via === 'api' ? task.claimedAt : null,
      decidedAt: now,
    };
    const authority: DecideAuthority = actor.via === 'api' ? { mode: 'lease', owner: actor.owner, leaseId: actor.leaseId } : { mode: 'any' };
    const result = await this.tasks.decide(task, authority, now, verdict === null ? 'expired' : 'decided', JSON.stringify(recorded));
    if (result.kind !== 'ok') return result;
    await this.apply(task, recorded);
    return result;
  }

  /** Finishes tasks decided in Redis whose run commit did not happen (a crash in between). */
  async repair(): Promise<number> {
    let repaired = 0;
    for (const taskId of await this.tasks.applyingIds()) {
      const [task, raw] = await Promise.all([this.tasks.get(taskId), this.tasks.storedDecision(taskId)]);
      if (!task || !raw) continue;
      await this.apply(task, JSON.parse(raw) as RecordedDecision);
      repaired++;
    }
    return repaired;
  }

  private async apply(task: ReviewTask, d: RecordedDecision): Promise<void> {
    const waitedMs = Math.max(0, d.decidedAt - task.createdAt);
    const record: ReviewRecord = {
      taskId: task.taskId,
      requestedAt: new Date(task.createdAt).toISOString(),
      via: d.via,
      reviewer: d.reviewer,
      integration: d.integration,
      claimedAt: d.claimedAt === null ? null : new Date(d.claimedAt).toISOString(),
      decidedAt: new Date(d.decidedAt).toISOString(),
      decision: d.status,
      reasonCode: d.reasonCode,
      note: d.note,
      waitedMs,
      overSla: waitedMs > this.slaMs,
    };
    // Retry on a lost compare-and-set: only this task's winner decides, but other writers
    // (a reconciling step job) may bump the version.
    for (let tries = 0; ; tries++) {
      const stored = await this.runs.get(task.runId);
      if (!stored || stored.run.status !== 'review') break;
      const decidedBy = d.via === 'expiry' ? 'system' : (d.reviewer ?? 'reviewer');
      const transition = decideRun(stored.run, d.status, d.reasonCode, decidedBy, record.decidedAt, d.via === 'expiry' ? 'review expired' : undefined);
      if (await this.advancer.commit({ ...transition, run: { ...transition.run, review: record } }, stored.version)) {
        this.logger.log(`run ${task.runId} review task decided ${d.status} via ${d.via}${d.reviewer ? ` by ${d.reviewer}` : ''} after ${waitedMs} ms`);
        break;
      }
      if (tries >= 5) throw new Error(`run ${task.runId}: could not save the review decision after ${tries + 1} tries`);
    }
    await this.tasks.doneApplying(task, d.via === 'expiry' ? null : waitedMs);
    await this.removeJob(task.taskId);
  }

  /** The queue job is no longer wanted once the task is decided; a consumer holding it gets its result ignored. */
  private async removeJob(taskId: string): Promise<void> {
    try {
      await this.queue.remove(taskId);
    } catch (err) {
      // Locked by a consumer right now: it will complete, and the collector drops the stale result.
      this.logger.debug(`review job ${taskId} not removed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
