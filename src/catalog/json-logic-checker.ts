import jsonLogic from 'json-logic-js';

/**
 * Dry-runs a JSON-logic rule against sample data and checks that every `var` it reads names a
 * known capability, `reason`, or a defined threshold. A typo in a capability name would otherwise
 * evaluate to null and silently never match.
 */
export function checkRule(rule: unknown, data: Record<string, unknown>, thresholds: Record<string, number>): string[] {
  const problems: string[] = [];
  try {
    jsonLogic.apply(rule as jsonLogic.RulesLogic, data);
  } catch (err) {
    problems.push(`JSON-logic dry-run failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const name of varNames(rule)) {
    const [head, second] = name.split('.');
    if (head === 'thresholds') {
      if (second === undefined || !(second in thresholds)) problems.push(`reads unknown threshold "${name}"`);
    } else if (head !== undefined && head !== 'reason' && !(head in data)) {
      problems.push(`reads unknown capability "${name}"`);
    }
  }
  return problems;
}

function varNames(rule: unknown): string[] {
  if (Array.isArray(rule)) return rule.flatMap(varNames);
  if (typeof rule !== 'object' || rule === null) return [];
  const names: string[] = [];
  for (const [op, arg] of Object.entries(rule)) {
    if (op === 'var') {
      const name = Array.isArray(arg) ? arg[0] : arg;
      if (typeof name === 'string' && name !== '') names.push(name);
    } else {
      names.push(...varNames(arg));
    }
  }
  return names;
}
