import jsonLogic from 'json-logic-js';
import type { Outcome } from './outcome';
import type { CapabilitySpec, ModuleDefinition, OutcomeRule } from './module-definition';
import type { JourneyStep } from './journey';

/** The data outcome rules see: the capabilities, the inconclusive reason, and the thresholds. */
export interface RuleData {
  [capability: string]: unknown;
  reason: string | null;
  thresholds: Record<string, number>;
}

export interface OutcomeEvaluation {
  outcome: Outcome;
  /** Index of the rule that fired in the effective rule list, or null for the ERROR fallback. */
  ruleIndex: number | null;
  /** The rule's description, or why the fallback was taken. */
  rule: string;
}

/** The rules a step applies: its own override, else the module's defaults. */
export function effectiveRules(module: ModuleDefinition, step: Pick<JourneyStep, 'outcomes'>): OutcomeRule[] {
  return step.outcomes ?? module.outcomes;
}

export function effectiveThresholds(module: ModuleDefinition, step: Pick<JourneyStep, 'thresholds'>): Record<string, number> {
  return { ...(module.thresholds ?? {}), ...(step.thresholds ?? {}) };
}

/**
 * Evaluates rules in order; the first truthy one wins. No match, or a rule that throws, yields
 * ERROR (seed 001: "Default (no conditions matched)"), never a silent Success.
 */
export function evaluateOutcome(rules: OutcomeRule[], data: RuleData): OutcomeEvaluation {
  for (const [index, rule] of rules.entries()) {
    let matched: unknown;
    try {
      matched = jsonLogic.apply(rule.when as jsonLogic.RulesLogic, data);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return { outcome: 'ERROR', ruleIndex: null, rule: `rule ${index} failed to evaluate: ${detail}` };
    }
    if (jsonLogic.truthy(matched)) {
      return { outcome: rule.outcome, ruleIndex: index, rule: rule.description ?? `rule ${index}` };
    }
  }
  return { outcome: 'ERROR', ruleIndex: null, rule: 'no rule matched (default ERROR)' };
}

/** Capabilities with module defaults filled in for anything the handler did not emit. */
export function withDefaults(specs: CapabilitySpec[], emitted: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) out[spec.name] = spec.name in emitted ? emitted[spec.name] : spec.default;
  for (const [key, value] of Object.entries(emitted)) if (!(key in out)) out[key] = value;
  return out;
}

/** The outcomes a rule list can produce: its rules' outcomes plus the ERROR fallback. */
export function producibleOutcomes(rules: OutcomeRule[]): Set<Outcome> {
  return new Set<Outcome>([...rules.map((r) => r.outcome), 'ERROR']);
}

/** Sample data for dry-running rules at load time: every capability at its default. */
export function dryRunData(module: ModuleDefinition, step: Pick<JourneyStep, 'thresholds'>): RuleData {
  const caps = withDefaults(module.capabilities, {});
  return { ...caps, reason: null, thresholds: effectiveThresholds(module, step) };
}
