import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import type { ConnectionOptions } from 'bullmq';
import { ApiError } from '../http/api-error';
import { JOB_NAMES, stepQueueName } from '../queue/queue-names';
import type { EvidenceStore } from '../runs/evidence.store';
import type { AnalysisJobData, AnalysisJobResult } from './analysis-job';

/** How long the images of a synchronous call may wait for a worker. */
const ANALYSIS_EVIDENCE_TTL_SECONDS = 300;

/**
 * The API side of synchronous module calls: the work still runs on the workers (never in the
 * HTTP process), and the request waits for the job's result through BullMQ's QueueEvents.
 */
export class AnalysisClient {
  private readonly events = new Map<string, QueueEvents>();

  constructor(
    private readonly queueFor: (moduleId: string) => Queue,
    private readonly evidence: EvidenceStore,
    private readonly connection: ConnectionOptions,
    private readonly prefix: string,
    private readonly timeoutMs: number,
  ) {}

  /** Runs `moduleId` on the images; 503 ENGINE_UNAVAILABLE when no worker answers in time. */
  async analyze(moduleId: string, images: Record<string, Buffer>, params: Record<string, unknown> = {}): Promise<AnalysisJobResult> {
    const analysisId = `an-${randomUUID()}`;
    const refs: Record<string, string> = {};
    for (const [input, bytes] of Object.entries(images)) {
      await this.evidence.putWithTtl(analysisId, input, bytes, ANALYSIS_EVIDENCE_TTL_SECONDS);
      refs[input] = input;
    }
    try {
      const events = await this.eventsFor(moduleId);
      const data: AnalysisJobData = { analysisId, moduleId, images: refs, params };
      const job = await this.queueFor(moduleId).add(JOB_NAMES.analyze, data, {
        jobId: analysisId,
        attempts: 2,
        backoff: { type: 'fixed', delay: 200 },
        removeOnComplete: { age: 60 },
        removeOnFail: { age: 3600 },
      });
      try {
        return (await job.waitUntilFinished(events, this.timeoutMs)) as AnalysisJobResult;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        // The job is abandoned: remove it if still waiting so a late worker does not do dead work.
        await job.remove().catch(() => undefined);
        throw new ApiError(503, 'ENGINE_UNAVAILABLE', `the analysis did not complete: ${/timed out/i.test(message) ? `no worker finished it within ${this.timeoutMs} ms` : message}`);
      }
    } finally {
      await this.evidence.release(analysisId, 0);
    }
  }

  /** Called by Nest at shutdown. */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.events.values()].map((e) => e.close()));
  }

  private async eventsFor(moduleId: string): Promise<QueueEvents> {
    let events = this.events.get(moduleId);
    if (!events) {
      events = new QueueEvents(stepQueueName(moduleId), { connection: this.connection, prefix: this.prefix });
      this.events.set(moduleId, events);
      await events.waitUntilReady();
    }
    return events;
  }
}
