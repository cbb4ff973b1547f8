import { randomUUID } from 'node:crypto';
import type { Catalog } from '../catalog/catalog';
import type { Integration } from '../auth/integration';
import type { ReviewConfig } from '../config/review-config';
import { ApiError } from '../http/api-error';
import type { RunRepository } from '../runs/run.repository';
import { runView } from '../runs/run.view';
import { explainStep } from './capability-explainer';
import type { ClaimTaskDto, DecideTaskDto } from './dto/review-task.dto';
import type { EvidenceLinkSigner } from './evidence-link.signer';
import type { ReviewDecider, ReviewDecideResult } from './review-decider';
import { reviewMetrics } from './review-metrics';
import { effectiveState, ReviewTask } from './review-task';
import type { ReviewTaskStore } from './review-task.store';
import { reasonCodeChoices, taskSummary, TaskSummary } from './review-task.view';
import { checkVerdict } from './review-verdict';

export interface TaskListQuery {
  journey?: string;
  outcome?: string;
  minAgeSeconds?: string;
  maxAgeSeconds?: string;
  state?: string;
  limit?: string;
}

const LIST_STATES = ['available', 'claimed', 'all'] as const;

/** The reviewer API: list, read, claim, release and decide review tasks. */
export class ReviewsService {
  constructor(
    private readonly config: ReviewConfig,
    private readonly catalog: Catalog,
    private readonly tasks: ReviewTaskStore,
    private readonly runs: RunRepository,
    private readonly decider: ReviewDecider,
    private readonly links: EvidenceLinkSigner,
  ) {}

  /** Undecided tasks, oldest first. `state`: available (default: unclaimed or lease lapsed), claimed, all. */
  async list(q: TaskListQuery): Promise<{ tasks: TaskSummary[]; slaSeconds: number }> {
    const now = Date.now();
    const int = (name: keyof TaskListQuery, fallback: number, max: number) => {
      const raw = q[name];
      if (raw === undefined || raw === '') return fallback;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > max) throw new ApiError(400, 'VALIDATION_FAILED', `${name} must be an integer in [0, ${max}]`);
      return n;
    };
    const limit = Math.max(1, int('limit', 50, 500));
    const minAge = int('minAgeSeconds', 0, 10 ** 9);
    const maxAge = int('maxAgeSeconds', 10 ** 9, 10 ** 9);
    const state = q.state ?? 'available';
    if (!(LIST_STATES as readonly string[]).includes(state)) throw new ApiError(400, 'VALIDATION_FAILED', `state must be one of ${LIST_STATES.join(', ')}`);
    const out: TaskSummary[] = [];
    // Page through the age window oldest first, filtering on fields the sorted sets do not index.
    for (let offset = 0; out.length < limit; offset += 200) {
      const ids = await this.tasks.openIds(q.journey || null, now - maxAge * 1000, now - minAge * 1000, offset, 200);
      for (const task of await this.tasks.getMany(ids)) {
        const s = effectiveState(task, now);
        if (s === 'decided' || s === 'expired') continue;
        if (q.outcome && task.outcome !== q.outcome) continue;
        if ((state === 'available' && s !== 'open') || (state === 'claimed' && s !== 'claimed')) continue;
        if (out.length < limit) out.push(taskSummary(task, now, this.config.slaSeconds * 1000));
      }
      if (ids.length < 200) break;
    }
    return { tasks: out, slaSeconds: this.config.slaSeconds };
  }

  /** A task with what the reviewer needs: explanations, short-lived image URLs, the run so far. */
  async get(taskId: string) {
    const task = await this.live(taskId);
    const now = Date.now();
    const stored = await this.runs.get(task.runId);
    const journey = this.catalog.pinned({ id: task.journeyId, version: task.journeyVersion }) ?? null;
    let module = null;
    try {
      module = task.detail.module ? this.catalog.module(task.detail.module) : null;
    } catch {
      module = null; // the module was unloaded since; the raw capabilities still show
    }
    const undecided = task.state !== 'decided' && task.state !== 'expired';
    return {
      ...taskSummary(task, now, this.config.slaSeconds * 1000),
      explanation: explainStep(module, journey?.steps[task.stepId] ?? null, task.detail.capabilities, task.outcome, task.detail.rule),
      reason: task.detail.reason,
      // Links only while the task is undecided: after the decision the images are released.
      evidence: task.detail.evidence.map((e) => ({ ...e, ...(undecided ? this.links.url(task.taskId, e.name, now) : { url: null, expiresAt: null }) })),
      reasonCodes: reasonCodeChoices(),
      run: stored ? runView(stored.run) : null,
    };
  }

  async claim(taskId: string, dto: ClaimTaskDto, integration: Integration) {
    const task = await this.live(taskId);
    const reviewer = dto.reviewer?.trim() || integration.id;
    const owner = `${integration.id}/${reviewer}`;
    const result = await this.tasks.claim(task.taskId, { owner, reviewer, integration: integration.id }, randomUUID(), Date.now(), this.config.leaseSeconds * 1000);
    switch (result.kind) {
      case 'ok':
        return { taskId, leaseId: result.leaseId, leaseExpiresAt: new Date(result.leaseExpiresAt).toISOString(), claimedBy: reviewer };
      case 'claimed-by-other':
        throw new ApiError(409, 'REVIEW_CLAIMED_BY_OTHER', `task ${taskId} is claimed by ${result.owner} until ${new Date(result.leaseExpiresAt).toISOString()}`, { claimedBy: result.owner, leaseExpiresAt: new Date(result.leaseExpiresAt).toISOString() });
      case 'already-decided':
        throw alreadyDecided(taskId, result.state);
      case 'not-found':
        throw notFound(taskId);
    }
  }

  async release(taskId: string, leaseId: string, integration: Integration) {
    const task = await this.live(taskId);
    const result = await this.tasks.release(task.taskId, ownerFor(task, integration), leaseId);
    if (result === 'already-decided') throw alreadyDecided(taskId, task.state);
    if (result === 'not-claimed') throw new ApiError(409, 'REVIEW_NOT_CLAIMED', `you hold no live lease on task ${taskId} (leaseId does not match)`);
    if (result === 'not-found') throw notFound(taskId);
    return { taskId, state: 'open' };
  }

  async decide(taskId: string, dto: DecideTaskDto, integration: Integration) {
    const checked = checkVerdict(dto.decision, dto.reasonCode, dto.note);
    if (!checked.ok) throw new ApiError(400, checked.code, checked.message);
    const task = await this.live(taskId);
    const reviewer = task.owner?.startsWith(`${integration.id}/`) && task.reviewer ? task.reviewer : integration.id;
    const result: ReviewDecideResult = await this.decider.decide(task, checked.verdict, { via: 'api', owner: ownerFor(task, integration), reviewer, integration: integration.id, leaseId: dto.leaseId ?? '' });
    switch (result.kind) {
      case 'ok': {
        const stored = await this.runs.get(task.runId);
        return { taskId, state: 'decided', run: stored ? runView(stored.run) : null };
      }
      case 'already-decided':
        throw alreadyDecided(taskId, result.state);
      case 'claimed-by-other':
        throw new ApiError(409, 'REVIEW_CLAIMED_BY_OTHER', `task ${taskId} is claimed by ${result.owner}; claim it before deciding`, { claimedBy: result.owner });
      case 'not-claimed':
        throw new ApiError(409, 'REVIEW_NOT_CLAIMED', `claim task ${taskId} first (POST /v1/reviews/tasks/${taskId}/claim) and send its leaseId`);
      case 'lease-expired':
        throw new ApiError(409, 'REVIEW_LEASE_EXPIRED', `your lease on task ${taskId} expired at ${new Date(result.leaseExpiresAt).toISOString()}; claim it again`);
      case 'not-found':
      case 'task-not-found':
        throw notFound(taskId);
    }
  }

  async metrics(journey: string | undefined) {
    return reviewMetrics(this.tasks, this.config, journey || null, Date.now());
  }

  /** Reads a task, deciding it `expired` first when its time is up (lazy expiry; the sweep does the rest). */
  private async live(taskId: string): Promise<ReviewTask> {
    if (!/^[0-9a-f-]{36}$/.test(taskId)) throw notFound(taskId);
    const task = await this.tasks.get(taskId);
    if (!task) throw notFound(taskId);
    const undecided = task.state !== 'decided' && task.state !== 'expired';
    if (undecided && Date.now() - task.createdAt >= this.config.expirySeconds * 1000) {
      await this.decider.decide(task, null, { via: 'expiry' });
      return (await this.tasks.get(taskId)) ?? task;
    }
    return task;
  }
}

function ownerFor(task: ReviewTask, integration: Integration): string {
  return task.owner?.startsWith(`${integration.id}/`) ? task.owner : `${integration.id}/`;
}

function notFound(taskId: string): ApiError {
  return new ApiError(404, 'REVIEW_TASK_NOT_FOUND', `no review task ${taskId}`);
}

function alreadyDecided(taskId: string, state: string): ApiError {
  if (state === 'expired') return new ApiError(409, 'REVIEW_EXPIRED', `task ${taskId} expired before anyone decided it (decision expired, 9104)`);
  return new ApiError(409, 'REVIEW_ALREADY_DECIDED', `task ${taskId} is already decided`);
}
