import type { DecisionStatus } from './decision';

/** How a review decision reached the run. */
export type ReviewChannel = 'api' | 'queue' | 'expiry';

/**
 * The audit trail of a manual review, kept on the run next to its decision: who decided, when,
 * why, and how long the subject waited for a human.
 */
export interface ReviewRecord {
  taskId: string;
  /** When the journey routed the run to review (the task was created). */
  requestedAt: string;
  via: ReviewChannel;
  /** The human (or consumer) who decided; null when the expiry clock did. */
  reviewer: string | null;
  /** The integration whose API key made the decision (API channel only). */
  integration: string | null;
  claimedAt: string | null;
  decidedAt: string;
  decision: DecisionStatus;
  reasonCode: number | null;
  note: string | null;
  /** Milliseconds from task creation to decision. */
  waitedMs: number;
  /** True when the task waited longer than the review SLA. */
  overSla: boolean;
}
