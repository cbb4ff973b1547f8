/** The outcomes every module can produce (seed 001). ERROR is the fallback when no rule matches. */
export const OUTCOMES = ['Success', 'Review', 'Fail', 'ERROR'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}
