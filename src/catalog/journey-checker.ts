import type Ajv from 'ajv';
import type { Journey, JourneyStep, RouteTarget } from '../engine/journey';
import type { ModuleDefinition } from '../engine/module-definition';
import { dryRunData, effectiveRules, effectiveThresholds, producibleOutcomes } from '../engine/outcome-evaluator';
import { OUTCOMES } from '../engine/outcome';
import type { CatalogIssue } from './catalog-issue';
import { pointerSegment } from './catalog-issue';
import { checkRule } from './json-logic-checker';

/**
 * The checks a schema cannot express: modules and steps exist, every producible outcome has a
 * route, every step is reachable, every cycle is bounded, rules dry-run cleanly.
 */
export function checkJourney(journey: Journey, file: string, modules: ReadonlyMap<string, ModuleDefinition>, ajv: Ajv): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const add = (pointer: string, message: string) => issues.push({ file, pointer, message });
  const stepIds = new Set(Object.keys(journey.steps));

  if (!stepIds.has(journey.entry)) add('/entry', `entry step "${journey.entry}" does not exist`);

  for (const [stepId, step] of Object.entries(journey.steps)) {
    const at = `/steps/${pointerSegment(stepId)}`;
    const module = modules.get(step.module);
    if (!module) {
      add(`${at}/module`, `unknown module "${step.module}" (known: ${[...modules.keys()].sort().join(', ')})`);
      checkTargets(step, at, stepIds, add);
      continue;
    }
    checkInputs(step, module, at, add);
    checkParams(step, module, at, ajv, add);
    checkRules(step, module, at, add);
    checkTargets(step, at, stepIds, add);
    for (const outcome of producibleOutcomes(effectiveRules(module, step))) {
      if (!step.routes[outcome]) add(`${at}/routes`, `outcome "${outcome}" can occur but has no route`);
    }
  }
  if (stepIds.has(journey.entry)) {
    const reachable = reachableFrom(journey, journey.entry);
    for (const stepId of stepIds) if (!reachable.has(stepId)) add(`/steps/${pointerSegment(stepId)}`, `step "${stepId}" is unreachable from the entry step`);
  }
  for (const cycle of unboundedCycles(journey)) {
    add(`/steps/${pointerSegment(cycle[0] ?? '')}`, `cycle ${cycle.join(' -> ')} has no bound: set maxVisits and onMaxVisits on one of its steps`);
  }
  return issues;
}

type Add = (pointer: string, message: string) => void;

function checkInputs(step: JourneyStep, module: ModuleDefinition, at: string, add: Add): void {
  const names = new Set(module.inputs.map((i) => i.name));
  for (const name of Object.keys(step.inputs)) if (!names.has(name)) add(`${at}/inputs/${pointerSegment(name)}`, `module "${module.id}" has no input "${name}"`);
  for (const input of module.inputs) if (input.required && !(input.name in step.inputs)) add(`${at}/inputs`, `required input "${input.name}" of module "${module.id}" is not mapped`);
}

function checkParams(step: JourneyStep, module: ModuleDefinition, at: string, ajv: Ajv, add: Add): void {
  const schema = module.params ?? { type: 'object', maxProperties: 0 };
  const validate = ajv.compile(schema);
  if (!validate(step.params ?? {})) {
    for (const e of validate.errors ?? []) add(`${at}/params${e.instancePath}`, `${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`);
  }
  for (const name of Object.keys(step.thresholds ?? {})) {
    if (!(name in (module.thresholds ?? {}))) add(`${at}/thresholds/${pointerSegment(name)}`, `module "${module.id}" has no threshold "${name}"`);
  }
}

function checkRules(step: JourneyStep, module: ModuleDefinition, at: string, add: Add): void {
  const rules = effectiveRules(module, step);
  const where = step.outcomes ? `${at}/outcomes` : `${at}/module`;
  const data = dryRunData(module, step);
  const thresholds = effectiveThresholds(module, step);
  rules.forEach((rule, index) => {
    for (const problem of checkRule(rule.when, data, thresholds)) add(step.outcomes ? `${where}/${index}/when` : where, step.outcomes ? problem : `default rule ${index} of "${module.id}": ${problem}`);
  });
}

function checkTargets(step: JourneyStep, at: string, stepIds: Set<string>, add: Add): void {
  for (const outcome of OUTCOMES) {
    const target = step.routes[outcome];
    if (target && 'step' in target && !stepIds.has(target.step)) add(`${at}/routes/${outcome}/step`, `route to unknown step "${target.step}"`);
  }
  if (step.maxVisits !== undefined && !step.onMaxVisits) add(`${at}/onMaxVisits`, 'maxVisits is set but onMaxVisits (a decision) is missing');
}

function targetsOf(step: JourneyStep): string[] {
  return Object.values(step.routes)
    .filter((t): t is RouteTarget & { step: string } => t !== undefined && 'step' in t)
    .map((t) => t.step);
}

function reachableFrom(journey: Journey, entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const step = journey.steps[id];
    if (seen.has(id) || !step) continue;
    seen.add(id);
    stack.push(...targetsOf(step));
  }
  return seen;
}

/** Strongly connected components (Tarjan) that form a cycle with no step carrying maxVisits. */
function unboundedCycles(journey: Journey): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  const visit = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    for (const next of targetsOf(journey.steps[id] as JourneyStep)) {
      if (!journey.steps[next]) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id) as number, index.get(next) as number));
      }
    }
    if (low.get(id) === index.get(id)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      const selfLoop = component.length === 1 && targetsOf(journey.steps[id] as JourneyStep).includes(id);
      const isCycle = component.length > 1 || selfLoop;
      if (isCycle && !component.some((s) => journey.steps[s]?.maxVisits !== undefined)) result.push(component.reverse());
    }
  };
  for (const id of Object.keys(journey.steps)) if (!index.has(id)) visit(id);
  return result;
}
