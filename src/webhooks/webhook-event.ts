import { createHash } from 'node:crypto';
import type { Run } from '../engine/run';
import { DecisionSubject, VerificationBody, verificationView, VerificationStatus } from '../sessions/decision.view';

/** `decision`: a run (or session) reached a decision, automatic, manual or expiry. `review-required`: a human must decide. */
export type WebhookEventType = 'decision' | 'review-required';

/**
 * The JSON body POSTed to receivers. `id` is stable for one event across retries and resends, so
 * receivers de-duplicate on it. `status`/`verification`/`technicalData` follow seed 000's
 * decision webhook, so Veriff receivers read the same fields.
 */
export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  runId: string | null;
  sessionId: string | null;
  resourceId: string;
  status: 'success';
  verification: VerificationBody;
  technicalData: { ip: string | null };
}

/**
 * Derived from what happened, not random: when a crashed job re-applies a decision's effects, the
 * same event id comes out, the queue ignores the duplicate job id, and the receiver sees one event.
 */
export function webhookEventId(subjectId: string, type: WebhookEventType, at: string, status: string): string {
  const h = createHash('sha256').update(`${subjectId}|${type}|${status}|${at}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The event for a run that left automation (its decision is set for both types). */
export function runWebhookEvent(run: Run, type: WebhookEventType, now: string): WebhookEvent | null {
  const decision = run.decision;
  if (!decision) return null;
  const origin = run.origin;
  const subject: DecisionSubject = {
    id: origin?.sessionId ?? run.id,
    attemptId: run.id,
    vendorData: origin?.vendorData ?? null,
    endUserId: origin?.endUserId ?? null,
    acceptanceTime: origin?.acceptedAt ?? run.createdAt,
    submissionTime: run.createdAt,
    ip: origin?.ip ?? null,
  };
  return subjectWebhookEvent(subject, { runId: run.id, sessionId: origin?.sessionId ?? null, resourceId: run.resourceId }, type, decision, now);
}

/** The event for any decided subject (also sessions that expired before a run existed). */
export function subjectWebhookEvent(
  subject: DecisionSubject,
  refs: { runId: string | null; sessionId: string | null; resourceId: string },
  type: WebhookEventType,
  decision: { status: VerificationStatus; code: number; reason: string | null; reasonCode: number | null; decidedAt: string },
  now: string,
): WebhookEvent {
  return {
    id: webhookEventId(refs.runId ?? subject.id, type, decision.decidedAt, decision.status),
    type,
    createdAt: now,
    runId: refs.runId,
    sessionId: refs.sessionId,
    resourceId: refs.resourceId,
    status: 'success',
    verification: verificationView(subject, decision),
    technicalData: { ip: subject.ip },
  };
}
