import { performance } from 'perf_hooks';

/** Pipeline stages timed by the latency bench. */
export type Stage = 'decode' | 'resize' | 'detect' | 'landmarks' | 'crop' | 'liveness';

/** Milliseconds spent per stage in one analysis; optional, so production pays nothing but a branch. */
export type StageTimings = Partial<Record<Stage, number>>;

/** Runs `work`, adding its duration to `timings[stage]` when timings are being collected. */
export async function timed<T>(timings: StageTimings | undefined, stage: Stage, work: () => T | Promise<T>): Promise<T> {
  if (!timings) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
  }
}
