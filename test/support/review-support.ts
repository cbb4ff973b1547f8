import { api, selfieRun } from './api-client';
import { evalImage } from './eval-images';
import { withBrightness } from './image-variants';
import { TEST_INTEGRATIONS } from './test-integrations';

/** Headers that call the API as the test review desk (scopes reviews:decide + decisions:read). */
export const AS_REVIEWER = { 'x-auth-client': TEST_INTEGRATIONS.reviewer.key };

let dim: Promise<Buffer> | null = null;

/** A real selfie dimmed until image-quality says Review, which selfie-quality routes to manual review. */
export function reviewSelfie(): Promise<Buffer> {
  dim ??= withBrightness(evalImage('live/deepface_img1.jpg'), 0.3);
  return dim;
}

/** Creates a run and waits until it is in review; returns its id (= the review task id). */
export async function createReviewRun(base: string): Promise<string> {
  const created = await api<{ runId: string }>(base, 'POST', '/v1/runs', selfieRun('selfie-quality', await reviewSelfie()));
  if (created.status !== 202) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const run = await api<{ status: string }>(base, 'GET', `/v1/runs/${created.body.runId}?waitMs=20000`);
  if (run.body.status !== 'review') throw new Error(`run ${created.body.runId} is ${run.body.status}, expected review`);
  return created.body.runId;
}

/** Polls until `check` returns a value (or throws after `ms`). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, ms = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
