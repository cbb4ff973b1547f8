import type Redis from 'ioredis';
import type { ReviewKeys } from './review-keys';
import { CLAIM_TASK, CREATE_TASK, DECIDE_TASK, RELEASE_TASK, RETURN_LAPSED_LEASE } from './review-task.scripts';
import type { ReviewTask, ReviewTaskDetail, ReviewTaskState } from './review-task';

export type ClaimResult =
  | { kind: 'ok'; leaseId: string; leaseExpiresAt: number }
  | { kind: 'not-found' }
  | { kind: 'already-decided'; state: string }
  | { kind: 'claimed-by-other'; owner: string; leaseExpiresAt: number };

export type DecideResult =
  | { kind: 'ok' }
  | { kind: 'not-found' }
  | { kind: 'already-decided'; state: string }
  | { kind: 'claimed-by-other'; owner: string; leaseExpiresAt: number }
  | { kind: 'not-claimed' }
  | { kind: 'lease-expired'; leaseExpiresAt: number };

/** Who is deciding: a lease holder (REST, page), or anyone while the task is undecided (queue, expiry). */
export type DecideAuthority = { mode: 'lease'; owner: string; leaseId: string } | { mode: 'any' };

export interface NewReviewTask {
  taskId: string;
  journeyId: string;
  journeyVersion: number;
  stepId: string;
  outcome: string;
  createdAt: number;
  detail: ReviewTaskDetail;
}

/** Review tasks in Redis: one hash each, plus sorted sets by age for the queue and metrics. */
export class ReviewTaskStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: ReviewKeys,
    /** Decided tasks are kept as long as runs, for audit. */
    private readonly decidedTtlSeconds: number,
  ) {}

  /** Creates the task unless it exists; true when this call created it. */
  async create(task: NewReviewTask): Promise<boolean> {
    const fields: Record<string, string> = {
      runId: task.taskId,
      journeyId: task.journeyId,
      journeyVersion: String(task.journeyVersion),
      stepId: task.stepId,
      outcome: task.outcome,
      createdAt: String(task.createdAt),
      state: 'open',
      detail: JSON.stringify(task.detail),
    };
    const k = this.keys;
    const created = await this.redis.eval(CREATE_TASK, 4, k.task(task.taskId), k.open, k.openByJourney(task.journeyId), k.journeys, task.taskId, String(task.createdAt), task.journeyId, ...Object.entries(fields).flat());
    return created === 1;
  }

  async get(taskId: string): Promise<ReviewTask | null> {
    return parseTask(taskId, await this.redis.hgetall(this.keys.task(taskId)));
  }

  async getMany(taskIds: string[]): Promise<ReviewTask[]> {
    if (taskIds.length === 0) return [];
    const pipe = this.redis.pipeline();
    for (const id of taskIds) pipe.hgetall(this.keys.task(id));
    const replies = (await pipe.exec()) ?? [];
    return taskIds.flatMap((id, i) => {
      const [err, hash] = replies[i] ?? [null, null];
      if (err) throw err;
      const task = parseTask(id, hash as Record<string, string>);
      return task ? [task] : [];
    });
  }

  /** Undecided task ids, oldest first, created within [fromMs, toMs]. */
  async openIds(journeyId: string | null, fromMs: number, toMs: number, offset: number, count: number): Promise<string[]> {
    const key = journeyId === null ? this.keys.open : this.keys.openByJourney(journeyId);
    return this.redis.zrangebyscore(key, fromMs, toMs, 'LIMIT', offset, count);
  }

  async claim(taskId: string, who: { owner: string; reviewer: string; integration: string }, leaseId: string, now: number, leaseMs: number): Promise<ClaimResult> {
    const r = (await this.redis.eval(CLAIM_TASK, 1, this.keys.task(taskId), who.owner, who.reviewer, who.integration, leaseId, String(now), String(leaseMs))) as string[];
    switch (r[0]) {
      case 'ok':
        return { kind: 'ok', leaseId: r[1] ?? leaseId, leaseExpiresAt: Number(r[2]) };
      case 'already-decided':
        return { kind: 'already-decided', state: r[1] ?? 'decided' };
      case 'claimed-by-other':
        return { kind: 'claimed-by-other', owner: r[1] ?? '?', leaseExpiresAt: Number(r[2]) };
      default:
        return { kind: 'not-found' };
    }
  }

  async release(taskId: string, owner: string, leaseId: string): Promise<'ok' | 'not-found' | 'already-decided' | 'not-claimed'> {
    const r = (await this.redis.eval(RELEASE_TASK, 1, this.keys.task(taskId), owner, leaseId)) as string[];
    return r[0] as 'ok' | 'not-found' | 'already-decided' | 'not-claimed';
  }

  /** The one atomic "this task is decided" step; the caller then commits the run. */
  async decide(task: ReviewTask, authority: DecideAuthority, now: number, finalState: Extract<ReviewTaskState, 'decided' | 'expired'>, decisionJson: string): Promise<DecideResult> {
    const k = this.keys;
    const owner = authority.mode === 'lease' ? authority.owner : '';
    const leaseId = authority.mode === 'lease' ? authority.leaseId : '';
    const r = (await this.redis.eval(
      DECIDE_TASK,
      4,
      k.task(task.taskId),
      k.open,
      k.openByJourney(task.journeyId),
      k.applying,
      authority.mode,
      owner,
      leaseId,
      String(now),
      finalState,
      decisionJson,
      String(this.decidedTtlSeconds),
      task.taskId,
    )) as string[];
    switch (r[0]) {
      case 'ok':
        return { kind: 'ok' };
      case 'already-decided':
        return { kind: 'already-decided', state: r[1] ?? 'decided' };
      case 'claimed-by-other':
        return { kind: 'claimed-by-other', owner: r[1] ?? '?', leaseExpiresAt: Number(r[2]) };
      case 'not-claimed':
        return { kind: 'not-claimed' };
      case 'lease-expired':
        return { kind: 'lease-expired', leaseExpiresAt: Number(r[1]) };
      default:
        return { kind: 'not-found' };
    }
  }

  /** The stored decision of a task decided in Redis (for the crash-repair path). */
  async storedDecision(taskId: string): Promise<string | null> {
    return this.redis.hget(this.keys.task(taskId), 'decision');
  }

  async applyingIds(): Promise<string[]> {
    return this.redis.smembers(this.keys.applying);
  }

  /** Clears the repair marker; `waitedMs` (null for expiries, which no human decided) feeds the median. */
  async doneApplying(task: ReviewTask, waitedMs: number | null): Promise<void> {
    const tx = this.redis.multi().srem(this.keys.applying, task.taskId);
    if (waitedMs !== null) tx.lpush(this.keys.waits(task.journeyId), String(waitedMs)).ltrim(this.keys.waits(task.journeyId), 0, 999);
    await tx.exec();
  }

  async returnLapsedLease(taskId: string, now: number): Promise<boolean> {
    return (await this.redis.eval(RETURN_LAPSED_LEASE, 1, this.keys.task(taskId), String(now))) === 1;
  }

  /** Marks the SLA breach once; true the first time (so the warning is logged once). */
  async flagSla(taskId: string, now: number): Promise<boolean> {
    return (await this.redis.hsetnx(this.keys.task(taskId), 'slaFlaggedAt', String(now))) === 1;
  }

  async setConsumerError(taskId: string, message: string): Promise<void> {
    await this.redis.hset(this.keys.task(taskId), 'consumerError', message);
  }

  async journeys(): Promise<string[]> {
    return this.redis.smembers(this.keys.journeys);
  }

  async openStats(journeyId: string, slaCutoffMs: number): Promise<{ open: number; overSla: number; oldestCreatedAt: number | null; ids: string[] }> {
    const key = this.keys.openByJourney(journeyId);
    const [open, overSla, oldest, ids] = await Promise.all([
      this.redis.zcard(key),
      this.redis.zcount(key, '-inf', slaCutoffMs),
      this.redis.zrange(key, 0, 0, 'WITHSCORES'),
      this.redis.zrange(key, 0, 999),
    ]);
    return { open, overSla, oldestCreatedAt: oldest[1] !== undefined ? Number(oldest[1]) : null, ids };
  }

  async recentWaits(journeyId: string): Promise<number[]> {
    return (await this.redis.lrange(this.keys.waits(journeyId), 0, -1)).map(Number);
  }
}

function parseTask(taskId: string, h: Record<string, string> | null): ReviewTask | null {
  if (!h || !h.state || !h.detail) return null;
  const num = (v: string | undefined) => (v === undefined || v === '' || v === '0' ? null : Number(v));
  return {
    taskId,
    runId: h.runId ?? taskId,
    journeyId: h.journeyId ?? '',
    journeyVersion: Number(h.journeyVersion),
    stepId: h.stepId ?? '',
    outcome: h.outcome ?? '',
    createdAt: Number(h.createdAt),
    state: h.state as ReviewTaskState,
    owner: h.owner || null,
    reviewer: h.reviewer || null,
    integration: h.integration || null,
    leaseId: h.leaseId || null,
    leaseExpiresAt: num(h.leaseExpiresAt),
    claimedAt: num(h.claimedAt),
    decidedAt: num(h.decidedAt),
    detail: JSON.parse(h.detail) as ReviewTaskDetail,
    consumerError: h.consumerError || null,
  };
}
