import type { ReviewConfig } from '../config/review-config';
import { effectiveState } from './review-task';
import type { ReviewTaskStore } from './review-task.store';

/** Review-time figures per journey (GET /v1/reviews/metrics); the median covers the last 1000 decisions. */
export async function reviewMetrics(tasks: ReviewTaskStore, config: ReviewConfig, journey: string | null, now: number) {
  const ids = journey === null ? (await tasks.journeys()).sort() : [journey];
  const journeys = [];
  for (const id of ids) {
    const open = await tasks.openStats(id, now - config.slaSeconds * 1000);
    const claimed = (await tasks.getMany(open.ids)).filter((t) => effectiveState(t, now) === 'claimed').length;
    const waits = await tasks.recentWaits(id);
    journeys.push({
      journey: id,
      openTasks: open.open,
      claimedTasks: claimed,
      overSlaTasks: open.overSla,
      oldestTaskAgeSeconds: open.oldestCreatedAt === null ? null : Math.floor((now - open.oldestCreatedAt) / 1000),
      decidedRecently: waits.length,
      medianTimeToDecisionSeconds: waits.length === 0 ? null : Math.round(median(waits) / 100) / 10,
    });
  }
  return { slaSeconds: config.slaSeconds, expirySeconds: config.expirySeconds, leaseSeconds: config.leaseSeconds, journeys };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
