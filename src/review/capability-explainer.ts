import type { JourneyStep } from '../engine/journey';
import type { ModuleDefinition } from '../engine/module-definition';
import { effectiveRules, effectiveThresholds } from '../engine/outcome-evaluator';

/** Plain words for the quality signals modules report in `issues`. */
const ISSUE_TEXT: Readonly<Record<string, string>> = {
  TOO_DARK: 'The photo is too dark: facial detail is lost in shadow.',
  TOO_BRIGHT: 'The photo is over-exposed: facial detail is washed out.',
  BLURRY: 'The photo is blurred (camera shake or focus): edges are soft.',
  LOW_CONTRAST: 'The photo looks flat: little difference between light and dark areas.',
  LOW_RESOLUTION: 'The photo is small: too few pixels on the face to judge it well.',
};

export interface CapabilityExplanation {
  name: string;
  value: unknown;
  /** What the number means, from the module's definition. */
  meaning: string;
}

export interface StepExplanation {
  module: string;
  moduleTitle: string;
  moduleDescription: string;
  capabilities: CapabilityExplanation[];
  thresholds: { name: string; value: number }[];
  rules: { outcome: string; description: string; fired: boolean }[];
  ruleFired: string | null;
  signals: { code: string; text: string }[];
  summary: string;
}

/** Turns a step's raw capabilities into what a reviewer can read without knowing the module. */
export function explainStep(module: ModuleDefinition | null, step: JourneyStep | null, capabilities: Record<string, unknown>, outcome: string, ruleFired: string | null): StepExplanation {
  const specs = module?.capabilities ?? [];
  const names = new Set([...specs.map((s) => s.name), ...Object.keys(capabilities)]);
  const thresholds = module && step ? effectiveThresholds(module, step) : {};
  const rules = module && step ? effectiveRules(module, step) : [];
  const issues = Array.isArray(capabilities.issues) ? capabilities.issues.filter((i): i is string => typeof i === 'string') : [];
  const thresholdText = Object.entries(thresholds).map(([k, v]) => `${k} ${v}`).join(', ');
  return {
    module: module ? `${module.id}@${module.version}` : 'unknown',
    moduleTitle: module?.title ?? 'Unknown module',
    moduleDescription: module?.description ?? '',
    capabilities: [...names].map((name) => ({ name, value: capabilities[name] ?? null, meaning: specs.find((s) => s.name === name)?.description ?? '' })),
    thresholds: Object.entries(thresholds).map(([name, value]) => ({ name, value })),
    rules: rules.map((r) => ({ outcome: r.outcome, description: r.description ?? JSON.stringify(r.when), fired: r.description !== undefined && r.description === ruleFired })),
    ruleFired,
    signals: issues.map((code) => ({ code, text: ISSUE_TEXT[code] ?? code })),
    summary: `${module?.title ?? 'The module'} gave "${outcome}"${ruleFired ? ` because ${ruleFired}` : ''}${thresholdText ? ` (thresholds: ${thresholdText})` : ''}; the journey sends "${outcome}" to a human.`,
  };
}
