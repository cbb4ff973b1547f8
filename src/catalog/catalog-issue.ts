/** One problem found while loading journeys or modules, located by file and JSON pointer. */
export interface CatalogIssue {
  file: string;
  pointer: string;
  message: string;
}

export function formatIssue(issue: CatalogIssue): string {
  return `${issue.file}#${issue.pointer || '/'}: ${issue.message}`;
}

/** Thrown by the loader with every issue at once, never just the first. */
export class CatalogLoadError extends Error {
  constructor(readonly issues: CatalogIssue[]) {
    super(`${issues.length} problem(s) in journeys/modules:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'CatalogLoadError';
  }
}

/** Escapes a JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}
