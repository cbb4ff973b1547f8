import jsonLogic, { RulesLogic } from 'json-logic-js';
import moduleJson from './module.json';
import type { Capabilities } from '../module-handler';

/** The outcome names module.json can give. */
export type LivenessOutcome = 'Success' | 'Review' | 'Fail' | 'ERROR';

/**
 * The module's default outcome rules, applied the way the engine applies them: in order, on the
 * capabilities plus `reason`, first match wins, no match is ERROR. For the CLI and the eval,
 * which run without the engine; journeys may override these rules.
 */
export function defaultOutcome(capabilities: Capabilities, reason?: string): LivenessOutcome {
  const data = { ...capabilities, reason: reason ?? null };
  for (const rule of moduleJson.outcomes) {
    if (jsonLogic.truthy(jsonLogic.apply(rule.when as RulesLogic, data))) return rule.outcome as LivenessOutcome;
  }
  return 'ERROR';
}
