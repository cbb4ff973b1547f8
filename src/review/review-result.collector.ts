import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { ReviewDecider } from './review-decider';
import type { ReviewTaskStore } from './review-task.store';
import { parseConsumerResult } from './review-verdict';

/**
 * Applies decisions returned by plain BullMQ consumers (`new Worker('manual-review', ...)`).
 *
 * Why polling completed jobs rather than QueueEvents 'completed': QueueEvents reads a capped
 * Redis stream and only delivers events while a listener is connected, so a result completed
 * while every engine process was down (or trimmed from the stream) would be lost. Review jobs
 * are added with removeOnComplete: false, so a completed job and its return value stay in
 * Redis until this collector has applied the decision and removed the job itself. A crash
 * between applying and removing only means the next pass sees the job again, and the task's
 * atomic decide makes the second application a no-op. Every worker-role process runs one; they
 * may race on a job, with the same outcome.
 */
export class ReviewResultCollector {
  private readonly logger = new Logger('ReviewResults');

  constructor(
    private readonly queue: Queue,
    private readonly tasks: ReviewTaskStore,
    private readonly decider: ReviewDecider,
  ) {}

  /** One pass over completed jobs, oldest first; returns how many it handled. */
  async collect(batch = 100): Promise<number> {
    const jobs = await this.queue.getJobs(['completed'], 0, batch - 1, true);
    for (const job of jobs) await this.handle(job);
    return jobs.length;
  }

  private async handle(job: Job): Promise<void> {
    const taskId = job.id ?? '';
    const task = await this.tasks.get(taskId);
    if (!task) {
      this.logger.warn(`review job ${taskId}: no such task (expired from Redis); result dropped`);
    } else if (task.state === 'decided' || task.state === 'expired') {
      this.logger.log(`run ${task.runId}: consumer result ignored, the task was already ${task.state}`);
    } else {
      const parsed = parseConsumerResult(job.returnvalue);
      if (!parsed.ok) {
        // The task stays open for reviewers on the API and page, showing why the consumer's result was refused.
        this.logger.warn(`run ${task.runId}: consumer result refused (${parsed.message}); the task stays in the review pool`);
        await this.tasks.setConsumerError(taskId, parsed.message);
      } else {
        const result = await this.decider.decide(task, parsed.verdict, { via: 'queue', reviewer: parsed.reviewer });
        if (result.kind !== 'ok') this.logger.log(`run ${task.runId}: consumer result not applied (${result.kind})`);
      }
    }
    await this.queue.remove(taskId);
  }
}
