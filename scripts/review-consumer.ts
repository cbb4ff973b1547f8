/**
 * Example manual-review consumer: a plain BullMQ worker, as any Node process would run one (a
 * bridge to a case-management tool, a second-opinion model, an outsourced review desk). It
 * returns the decision as the job's return value; the engine's worker role picks completed
 * jobs up and completes the run (see src/review/review-result.collector.ts).
 *
 *   REDIS_URL=redis://127.0.0.1:6379 REDIS_PREFIX=idv REVIEWER=second-opinion-bot \
 *     node dist/scripts/review-consumer.js
 *
 * This example's policy is deliberately simple: a photo flagged with quality issues is sent
 * back for resubmission (204, poor image quality); anything else is approved. Set
 * REVIEW_DECISION=approved|declined|resubmission_requested (+ REVIEW_REASON_CODE) to force one.
 */
import { Job, Worker } from 'bullmq';
import type { ReviewJobData, ReviewJobResult } from '../src/review/review-job';
import { REVIEW_QUEUE } from '../src/review/review-queue';

const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = process.env.REDIS_PREFIX ?? 'idv';
const reviewer = process.env.REVIEWER ?? 'example-consumer';
const forced = process.env.REVIEW_DECISION as ReviewJobResult['decision'] | undefined;
const forcedReason = process.env.REVIEW_REASON_CODE ? Number(process.env.REVIEW_REASON_CODE) : undefined;

function decide(data: ReviewJobData): ReviewJobResult {
  if (forced) return { decision: forced, reasonCode: forcedReason ?? null, note: 'forced by REVIEW_DECISION', reviewer };
  const issues = Array.isArray(data.capabilities.issues) ? (data.capabilities.issues as unknown[]) : [];
  if (issues.length > 0) return { decision: 'resubmission_requested', reasonCode: 204, note: `quality issues: ${issues.join(', ')}`, reviewer };
  return { decision: 'approved', note: 'no quality issues flagged', reviewer };
}

const worker = new Worker<ReviewJobData, ReviewJobResult>(
  REVIEW_QUEUE,
  async (job: Job<ReviewJobData>) => {
    const result = decide(job.data);
    // Log ids and the decision only: never capabilities in bulk, never images (the job has none).
    process.stdout.write(`review-consumer: run ${job.data.runId} -> ${result.decision}${result.reasonCode ? ` (${result.reasonCode})` : ''}\n`);
    return result;
  },
  {
    connection: { host: url.hostname, port: Number(url.port || 6379), password: url.password || undefined, db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0, maxRetriesPerRequest: null },
    prefix,
    concurrency: 4,
  },
);

worker.on('ready', () => process.stdout.write(`review-consumer ready (queue ${REVIEW_QUEUE}, prefix ${prefix}, reviewer ${reviewer})\n`));
worker.on('failed', (job, err) => process.stderr.write(`review-consumer: job ${job?.id ?? '?'} failed: ${err.message}\n`));

const stop = () => void worker.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
