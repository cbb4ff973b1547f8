import type { Outcome } from './outcome';
import type { RoutableDecision } from './decision';
import type { OutcomeRule } from './module-definition';

/** Where an outcome sends the subject: another step, or a terminal decision. */
export type RouteTarget =
  | { step: string }
  | { decision: RoutableDecision; reasonCode?: number };

/** One step of a journey: a module, where its inputs come from, and a route per outcome. */
export interface JourneyStep {
  module: string;
  /** Module input name -> dotted path into the run context (JSON-logic `var` syntax). */
  inputs: Record<string, string>;
  /** Module-specific knobs, validated against the module's `params` schema. */
  params?: Record<string, unknown>;
  /** Overrides of the module's default thresholds (merged over module.json `thresholds`). */
  thresholds?: Record<string, number>;
  /** Replaces the module's default outcome rules entirely when present. */
  outcomes?: OutcomeRule[];
  routes: Partial<Record<Outcome, RouteTarget>>;
  /** Bound on visits for steps inside a cycle; required for every step on a cycle. */
  maxVisits?: number;
  /** Where the run goes when maxVisits is exceeded (must be a decision). */
  onMaxVisits?: RouteTarget;
}

/** An operator-authored journey (journeys/*.json). Runs pin `id@version`. */
export interface Journey {
  id: string;
  version: number;
  title: string;
  description?: string;
  entry: string;
  steps: Record<string, JourneyStep>;
}

export function journeyRef(journey: Pick<Journey, 'id' | 'version'>): string {
  return `${journey.id}@${journey.version}`;
}
