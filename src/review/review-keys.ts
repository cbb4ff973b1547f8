/** The review feature's Redis keys, under the deployment prefix (next to src/redis/redis-keys.ts). */
export function reviewKeys(prefix: string) {
  return {
    /** Hash: one review task (task id = run id: a run enters review at most once). */
    task: (taskId: string) => `${prefix}:review:task:${taskId}`,
    /** Sorted set of undecided task ids by creation time (ms): the queue, oldest first. */
    open: `${prefix}:review:open`,
    openByJourney: (journeyId: string) => `${prefix}:review:open-by-journey:${journeyId}`,
    /** Set of journey ids that ever had a review task (metrics enumerate it). */
    journeys: `${prefix}:review:journeys`,
    /** Set of tasks decided in Redis whose run commit may not have landed yet (crash repair). */
    applying: `${prefix}:review:applying`,
    /** List of recent waits (ms, newest first, capped) per journey, for the median. */
    waits: (journeyId: string) => `${prefix}:review:waits:${journeyId}`,
  } as const;
}

export type ReviewKeys = ReturnType<typeof reviewKeys>;
