/**
 * Terminal decisions a journey can route to, with Veriff's decision codes (seed 004) so
 * integrators coming from there read the same numbers. `review` means "a human decides".
 * `expired` is reached only by time (a review or session that never completed), never by routing.
 */
export const DECISION_CODES = {
  approved: 9001,
  declined: 9102,
  resubmission_requested: 9103,
  expired: 9104,
  review: 9121,
} as const;

export type DecisionStatus = keyof typeof DECISION_CODES;

/** The decisions a journey route may name (expired is set by the clock, not by a route). */
export const ROUTABLE_DECISIONS = ['approved', 'declined', 'review', 'resubmission_requested'] as const;
export type RoutableDecision = (typeof ROUTABLE_DECISIONS)[number];

export interface Decision {
  status: DecisionStatus;
  code: (typeof DECISION_CODES)[DecisionStatus];
  /** Reason code from seed 000's table, when the route set one. */
  reasonCode: number | null;
  /** Human-readable reason for reasonCode. */
  reason: string | null;
  decidedAt: string;
  /** Who decided: `engine` for automatic decisions, the reviewer's id for manual ones. */
  decidedBy: string;
}
