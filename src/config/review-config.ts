import { randomBytes } from 'node:crypto';

/** Manual review settings (README "Manual review"). */
export interface ReviewConfig {
  /** How long a claim holds a task before it returns to the pool. */
  leaseSeconds: number;
  /** Tasks waiting longer than this are flagged (listing, metrics, one warning log). */
  slaSeconds: number;
  /** Tasks nobody decided within this are decided `expired` (9104). */
  expirySeconds: number;
  /** How often the worker role returns lapsed leases and expires old tasks. */
  sweepIntervalMs: number;
  /** How often the worker role applies decisions returned by plain BullMQ consumers. */
  collectIntervalMs: number;
  /** HMAC key for the short-lived evidence URLs. */
  urlSecret: string;
  /** True when REVIEW_URL_SECRET was not set and a per-process random key is used. */
  urlSecretGenerated: boolean;
  /** Lifetime of an evidence URL. */
  urlTtlSeconds: number;
}

type IntReader = (name: string, fallback: number, min: number, max?: number) => number;

/** Read by loadConfig with its own integer reader, so problems are reported with the others. */
export function readReviewConfig(env: NodeJS.ProcessEnv, int: IntReader): ReviewConfig {
  const secret = env.REVIEW_URL_SECRET;
  return {
    leaseSeconds: int('REVIEW_LEASE_SECONDS', 300, 1, 24 * 3600),
    slaSeconds: int('REVIEW_SLA_SECONDS', 4 * 3600, 1),
    expirySeconds: int('REVIEW_EXPIRY_SECONDS', 7 * 24 * 3600, 1),
    sweepIntervalMs: int('REVIEW_SWEEP_INTERVAL_MS', 5000, 100, 3_600_000),
    collectIntervalMs: int('REVIEW_COLLECT_INTERVAL_MS', 500, 50, 60_000),
    // A random key works for one process; several API processes behind a balancer need a shared one.
    urlSecret: secret || randomBytes(32).toString('hex'),
    urlSecretGenerated: !secret,
    urlTtlSeconds: int('REVIEW_URL_TTL_SECONDS', 300, 5, 3600),
  };
}
