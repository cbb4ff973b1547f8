import { REASON_CODES } from '../engine/reason-codes';

/** The decisions a reviewer may make (review and expired are not a human's to choose). */
export const REVIEW_DECISIONS = ['approved', 'declined', 'resubmission_requested'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** A reviewer's (or consumer's) decision, checked. */
export interface ReviewVerdict {
  decision: ReviewDecision;
  reasonCode: number | null;
  note: string | null;
}

export type VerdictCheck = { ok: true; verdict: ReviewVerdict } | { ok: false; code: 'REASON_CODE_REQUIRED' | 'REASON_CODE_INVALID' | 'INVALID_REVIEW_RESULT'; message: string };

export const MAX_NOTE_LENGTH = 2000;

/**
 * Seed 000's codes each name their decision in the description ("Declined - …", "Resubmission
 * requested - …"); a code must match the decision it explains, so 204 cannot justify a decline.
 */
export function reasonCodesFor(decision: ReviewDecision): number[] {
  const prefix = decision === 'declined' ? 'Declined' : decision === 'resubmission_requested' ? 'Resubmission requested' : null;
  if (prefix === null) return [];
  return Object.entries(REASON_CODES)
    .filter(([, description]) => description.startsWith(prefix))
    .map(([code]) => Number(code));
}

/** Declines and resubmission requests need a reason code of their kind; approvals take none. */
export function checkVerdict(decision: ReviewDecision, reasonCode: number | null | undefined, note: string | null | undefined): VerdictCheck {
  const allowed = reasonCodesFor(decision);
  const code = reasonCode ?? null;
  if (decision === 'approved') {
    if (code !== null) return { ok: false, code: 'REASON_CODE_INVALID', message: 'an approval takes no reason code' };
  } else if (code === null) {
    return { ok: false, code: 'REASON_CODE_REQUIRED', message: `${decision} needs a reasonCode, one of ${allowed.join(', ')}` };
  } else if (!allowed.includes(code)) {
    return { ok: false, code: 'REASON_CODE_INVALID', message: `reasonCode ${code} does not explain ${decision}; use one of ${allowed.join(', ')}` };
  }
  const trimmed = note?.trim() ? note.trim() : null;
  if (trimmed !== null && trimmed.length > MAX_NOTE_LENGTH) return { ok: false, code: 'INVALID_REVIEW_RESULT', message: `note is over ${MAX_NOTE_LENGTH} characters` };
  return { ok: true, verdict: { decision, reasonCode: code, note: trimmed } };
}

/**
 * What a plain BullMQ consumer returned: `{ decision, reasonCode?, note?, reviewer }`. Validated
 * when read, like any job payload: consumers are other teams' code and may be older or newer.
 */
export function parseConsumerResult(value: unknown): { ok: true; verdict: ReviewVerdict; reviewer: string } | { ok: false; message: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, message: `the consumer returned ${JSON.stringify(value) ?? 'nothing'}, not an object` };
  const v = value as Record<string, unknown>;
  if (!(REVIEW_DECISIONS as readonly unknown[]).includes(v.decision)) return { ok: false, message: `decision must be one of ${REVIEW_DECISIONS.join(', ')}` };
  if (typeof v.reviewer !== 'string' || v.reviewer.trim() === '' || v.reviewer.length > 200) return { ok: false, message: 'reviewer must be a non-empty string (who decided)' };
  if (v.reasonCode !== undefined && v.reasonCode !== null && !Number.isInteger(v.reasonCode)) return { ok: false, message: 'reasonCode must be an integer' };
  if (v.note !== undefined && v.note !== null && typeof v.note !== 'string') return { ok: false, message: 'note must be a string' };
  const checked = checkVerdict(v.decision as ReviewDecision, v.reasonCode as number | null | undefined, v.note as string | null | undefined);
  if (!checked.ok) return { ok: false, message: checked.message };
  return { ok: true, verdict: checked.verdict, reviewer: v.reviewer.trim() };
}
