import type { AnalysisJobResult } from '../analysis/analysis-job';

/** Seed 002's numeric error codes, sent in the body next to our stable string code. */
export const LIVENESS_ERROR_CODES = { confidenceTooLow: 1009, engineUnavailable: 5001 } as const;

/** Seed 003's statuses: Success → VERIFIED, Fail → NOT VERIFIED, Review and ERROR (inconclusive) → PENDING. */
const STATUS_BY_OUTCOME: Record<string, 'VERIFIED' | 'NOT VERIFIED' | 'PENDING'> = {
  Success: 'VERIFIED',
  Fail: 'NOT VERIFIED',
  Review: 'PENDING',
  ERROR: 'PENDING',
};

/**
 * The body of POST /v1/liveness/verify: seed 003's fields (`verificationStatus`, `livenessScore`,
 * `response.live_score`/`pop_score`) and seed 002's (`confidence`, `isLive`), plus the outcome
 * and reason for operators. Scores are 0-100 as the liveness-v1 module reports them.
 */
export function livenessVerifyView(result: Extract<AnalysisJobResult, { kind: 'result' }>, now: string) {
  const caps = result.capabilities;
  const score = numberOr0(caps.livenessScore);
  const verificationStatus = STATUS_BY_OUTCOME[result.outcome] ?? 'PENDING';
  return {
    verificationStatus,
    livenessScore: score,
    confidence: score,
    isLive: verificationStatus === 'VERIFIED',
    response: { live_score: numberOr0(caps.liveScore), pop_score: numberOr0(caps.popScore) },
    outcome: result.outcome,
    reason: result.reason,
    reasonCode: numberOr0(caps.reasonCode) || null,
    timestamp: now,
  };
}

function numberOr0(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
