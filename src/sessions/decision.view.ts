import type { Decision } from '../engine/decision';

/** Who and what a Veriff-style decision payload is about (a session, or a run started directly). */
export interface DecisionSubject {
  /** The session id (or the run id for runs created with POST /v1/runs). */
  id: string;
  /** The run that produced the decision (Veriff's attempt); null when the session never ran. */
  attemptId: string | null;
  vendorData: string | null;
  endUserId: string | null;
  acceptanceTime: string;
  submissionTime: string | null;
  ip: string | null;
}

/**
 * The decision status shown to integrators. `abandoned` (a session that received media but was
 * never submitted) is reported by its own status with the expiry code 9104, because our 9121 is
 * taken by `review` (see README "Decisions and codes").
 */
export type VerificationStatus = Decision['status'] | 'abandoned';

/** Seed 004's `verification` object for a Biometric Liveness decision (person/document are always null). */
export function verificationView(subject: DecisionSubject, decision: { status: VerificationStatus; code: number; reason: string | null; reasonCode: number | null; decidedAt: string }) {
  return {
    id: subject.id,
    attemptId: subject.attemptId,
    vendorData: subject.vendorData,
    endUserId: subject.endUserId,
    status: decision.status,
    code: decision.code,
    reason: decision.reason,
    reasonCode: decision.reasonCode,
    decisionTime: decision.decidedAt,
    acceptanceTime: subject.acceptanceTime,
    submissionTime: subject.submissionTime,
    person: { firstName: null, lastName: null, dateOfBirth: null, gender: null, nationality: null, idNumber: null, yearOfBirth: null, placeOfBirth: null, pepSanctionMatch: null, citizenship: null },
    document: { number: null, type: null, country: null, state: null, validFrom: null, validUntil: null },
    additionalVerifiedData: {},
    comments: [],
    riskLabels: [],
  };
}

export type VerificationBody = ReturnType<typeof verificationView>;

/** GET /v1/sessions/:id/decision (seed 004): `verification` is null until there is a decision. */
export function decisionView(subject: DecisionSubject, decision: Parameters<typeof verificationView>[1] | null) {
  return {
    status: 'success' as const,
    verification: decision ? verificationView(subject, decision) : null,
    technicalData: { ip: subject.ip },
  };
}
