import type { JobsOptions } from 'bullmq';
import { UnrecoverableError } from 'bullmq';

/** Delayed jobs that end sessions nobody submitted in time. No ':' (BullMQ). */
export const SESSION_EXPIRY_QUEUE = 'session-expiry' as const;
export const SESSION_EXPIRY_JOB = 'expire' as const;

export interface SessionExpiryJobData {
  sessionId: string;
}

/** One job per session, due at its expiry; the deterministic id makes a second add a no-op. */
export function sessionExpiryJobOptions(sessionId: string, delayMs: number): JobsOptions {
  return {
    jobId: `expire-${sessionId}`,
    delay: Math.max(0, delayMs),
    attempts: 5,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

export function parseSessionExpiryJob(data: unknown): SessionExpiryJobData {
  const d = data as Partial<SessionExpiryJobData> | null;
  if (!d || typeof d.sessionId !== 'string' || !/^[0-9a-f-]{36}$/.test(d.sessionId)) {
    throw new UnrecoverableError(`invalid session expiry job payload: ${JSON.stringify(data).slice(0, 200)}`);
  }
  return { sessionId: d.sessionId };
}
