import type { Decision } from './decision';
import type { RouteTarget } from './journey';
import type { Outcome } from './outcome';
import type { ReviewRecord } from './review-record';

/**
 * `running`: steps are queued or executing. `review`: the journey routed to manual review and
 * waits for a human. `decided`: final (approved, declined, resubmission_requested, expired).
 */
export type RunStatus = 'running' | 'review' | 'decided';

/** The record of one visit of one step. */
export interface StepRecord {
  stepId: string;
  module: string;
  moduleVersion: string;
  /** 1 for the first visit; grows when a journey loops back to the step. */
  visit: number;
  status: 'queued' | 'done';
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  /** BullMQ attempts it took (1 unless a transient failure was retried). */
  attempts: number | null;
  capabilities: Record<string, unknown> | null;
  outcome: Outcome | null;
  /** The rule that fired (its description) or why the ERROR fallback was taken. */
  rule: string | null;
  ruleIndex: number | null;
  /** Why the result is inconclusive (e.g. IMAGE_CORRUPT, FACE_MISSING), when it is. */
  reason: string | null;
  route: RouteTarget | null;
}

/** One subject going through one journey. */
export interface Run {
  id: string;
  /** As the integrator sent it (`id` or `id@version`). */
  resourceId: string;
  /** The pinned journey. */
  journey: { id: string; version: number };
  status: RunStatus;
  createdAt: string;
  updatedAt: string;
  /** The integrator's context, with images replaced by evidence references. */
  context: Record<string, unknown>;
  /** The step visit currently queued or executing; null once the run left automation. */
  cursor: { stepId: string; visit: number } | null;
  visits: Record<string, number>;
  steps: StepRecord[];
  decision: Decision | null;
  /** The manual review's audit trail, once a reviewer (or the review expiry) decided the run. */
  review?: ReviewRecord;
  /** Who started the run and where its decision goes; absent on runs from before webhooks existed. */
  origin?: RunOrigin;
}

/** The integration that created a run, and what it asked to have echoed back and notified. */
export interface RunOrigin {
  integrationId: string | null;
  /** Per-run webhook URL; overrides the integration's `webhookUrl`. */
  callbackUrl: string | null;
  vendorData: string | null;
  endUserId: string | null;
  /** The Veriff-style session the run was submitted from, if any. */
  sessionId: string | null;
  /** When the session (or the run) was accepted, Veriff's `acceptanceTime`. */
  acceptedAt: string | null;
  /** The client address the request came from (Veriff's `technicalData.ip`). */
  ip: string | null;
}

/** A reference to an image kept in the evidence store instead of inline in the context. */
export interface EvidenceRef {
  $evidence: string;
}

export function isEvidenceRef(value: unknown): value is EvidenceRef {
  return typeof value === 'object' && value !== null && typeof (value as EvidenceRef).$evidence === 'string';
}
