/** Reads a dotted path (JSON-logic `var` syntax, numeric segments index arrays) from the run context. */
export function readPath(context: unknown, dotted: string): unknown {
  let value: unknown = context;
  for (const segment of dotted.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
