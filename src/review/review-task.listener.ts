import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Run } from '../engine/run';
import type { RunListener } from '../execution/run-advancer';
import type { ReviewJobData } from './review-job';
import { REVIEW_JOB_NAMES, reviewJobOptions } from './review-queue';
import type { ReviewTaskStore } from './review-task.store';
import { evidenceKind, ReviewEvidence } from './review-task';
import type { EvidenceStore } from '../runs/evidence.store';

/**
 * Creates the review task when a run is routed to review, and puts it on the `manual-review`
 * queue. Both steps are idempotent (task create is set-if-absent, the job id is the task id), so
 * the advancer's reconcile on a redelivered step job repairs a crash between them.
 */
export class ReviewTaskListener implements RunListener {
  private readonly logger = new Logger('ReviewTasks');

  constructor(
    private readonly tasks: ReviewTaskStore,
    private readonly evidence: EvidenceStore,
    private readonly queue: Queue,
  ) {}

  async onReviewRequired(run: Run): Promise<void> {
    const step = [...run.steps].reverse().find((s) => s.status === 'done');
    const evidence: ReviewEvidence[] = (await this.evidence.names(run.id)).sort().map((name) => ({ name, ...evidenceKind(name) }));
    const createdAt = Date.parse(run.updatedAt);
    const detail = {
      module: step?.module ?? '',
      moduleVersion: step?.moduleVersion ?? '',
      capabilities: step?.capabilities ?? {},
      rule: step?.rule ?? null,
      reason: step?.reason ?? null,
      evidence,
    };
    const created = await this.tasks.create({
      taskId: run.id,
      journeyId: run.journey.id,
      journeyVersion: run.journey.version,
      stepId: step?.stepId ?? '',
      outcome: step?.outcome ?? 'Review',
      createdAt,
      detail,
    });
    const task = await this.tasks.get(run.id);
    if (!task || task.state === 'decided' || task.state === 'expired') return;
    const data: ReviewJobData = {
      taskId: task.taskId,
      runId: run.id,
      journey: run.journey,
      stepId: task.stepId,
      outcome: task.outcome,
      module: detail.module,
      capabilities: task.detail.capabilities,
      rule: task.detail.rule,
      reason: task.detail.reason,
      createdAt: new Date(task.createdAt).toISOString(),
      evidence: task.detail.evidence,
      links: { task: `/v1/reviews/tasks/${task.taskId}` },
    };
    await this.queue.add(REVIEW_JOB_NAMES.review, data, reviewJobOptions(task.taskId));
    if (created) this.logger.log(`run ${run.id} review task created (journey ${run.journey.id}@${run.journey.version}, step ${task.stepId}, ${task.outcome})`);
  }
}
