import { parseCaptureIntegrityReport } from '../../src/capture/capture-integrity-report';

export type Tristate = 'Live' | 'Not Live' | 'Error';

export interface InjectionVerdict {
  injectionAttack: Tristate;
  injectionReasons: string[];
  injectionErrors: string[];
}

/**
 * injectionAttack from the API's capture-integrity report: any failed check is Not Live (all
 * are reported), otherwise any check that could not run is Error, otherwise Live. A missing or
 * malformed report cannot be judged, so it is Error, never Live.
 */
export function injectionVerdict(value: unknown): InjectionVerdict {
  const report = parseCaptureIntegrityReport(value);
  if (!report) return { injectionAttack: 'Error', injectionReasons: [], injectionErrors: ['CAPTURE_INTEGRITY_MISSING'] };
  const injectionAttack: Tristate = report.reasons.length > 0 ? 'Not Live' : report.errors.length > 0 ? 'Error' : 'Live';
  return { injectionAttack, injectionReasons: report.reasons, injectionErrors: report.errors };
}
