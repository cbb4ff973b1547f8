/** Where a task stands. `open` includes a claim whose lease lapsed (read lazily as open). */
export type ReviewTaskState = 'open' | 'claimed' | 'decided' | 'expired';

/** An image the reviewer may look at, by evidence name (never the bytes). */
export interface ReviewEvidence {
  name: string;
  kind: 'selfie' | 'reference' | 'document-front' | 'document-back' | 'other';
  label: string;
}

/** What the journey knew when it routed to review: copied from the run when the task is made. */
export interface ReviewTaskDetail {
  module: string;
  moduleVersion: string;
  capabilities: Record<string, unknown>;
  rule: string | null;
  reason: string | null;
  evidence: ReviewEvidence[];
}

/** One review task as stored (a Redis hash). The task id is the run id. */
export interface ReviewTask {
  taskId: string;
  runId: string;
  journeyId: string;
  journeyVersion: number;
  stepId: string;
  outcome: string;
  createdAt: number;
  state: ReviewTaskState;
  owner: string | null;
  reviewer: string | null;
  integration: string | null;
  leaseId: string | null;
  leaseExpiresAt: number | null;
  claimedAt: number | null;
  decidedAt: number | null;
  detail: ReviewTaskDetail;
  /** Why a consumer's result could not be used, when one could not. */
  consumerError: string | null;
}

/** The task as readers see it at `now`: a lapsed lease reads as open. */
export function effectiveState(task: ReviewTask, now: number): ReviewTaskState {
  if (task.state === 'claimed' && (task.leaseExpiresAt ?? 0) <= now) return 'open';
  return task.state;
}

export function evidenceKind(name: string): Pick<ReviewEvidence, 'kind' | 'label'> {
  const [list, index, field] = name.split('-');
  const n = Number(index) + 1;
  if (list === 'biometrics' && field === 'selfieImage') return { kind: 'selfie', label: n > 1 ? `Selfie ${n}` : 'Selfie' };
  if (list === 'biometrics' && field === 'referenceImage') return { kind: 'reference', label: 'Reference photo' };
  if (list === 'documents' && field === 'frontImage') return { kind: 'document-front', label: 'Document front (portrait)' };
  if (list === 'documents' && field === 'backImage') return { kind: 'document-back', label: 'Document back' };
  return { kind: 'other', label: name };
}
