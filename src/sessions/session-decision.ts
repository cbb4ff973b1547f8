import type { Decision } from '../engine/decision';
import { DECISION_CODES } from '../engine/decision';
import type { DecisionSubject, VerificationStatus } from './decision.view';
import type { Session } from './session';

export type SessionDecision = { status: VerificationStatus; code: number; reason: string | null; reasonCode: number | null; decidedAt: string };

/** What seed 004's decision payload says about a session, given its run's decision (if any) at `now`. */
export function sessionDecision(session: Session, runDecision: Decision | null, now: Date): SessionDecision | null {
  if (runDecision) return runDecision;
  // Before the expiry job has run, the clock alone already says the session is over.
  const ended = session.status === 'expired' || session.status === 'abandoned' || ((session.status === 'created' || session.status === 'started') && now.getTime() >= Date.parse(session.expiresAt));
  if (!ended) return null;
  const abandoned = session.status === 'abandoned' || (session.status !== 'expired' && session.media.length > 0);
  return { status: abandoned ? 'abandoned' : 'expired', code: DECISION_CODES.expired, reason: null, reasonCode: null, decidedAt: session.endedAt ?? session.expiresAt };
}

export function sessionSubject(session: Session): DecisionSubject {
  return {
    id: session.id,
    attemptId: session.runId,
    vendorData: session.vendorData,
    endUserId: session.endUserId,
    acceptanceTime: session.createdAt,
    submissionTime: session.submittedAt,
    ip: session.ip,
  };
}
