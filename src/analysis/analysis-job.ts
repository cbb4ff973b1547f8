import { UnrecoverableError } from 'bullmq';

/**
 * A synchronous, run-less module call (e.g. POST /v1/liveness/verify): images are in the
 * evidence store under `analysisId`, never in job data.
 */
export interface AnalysisJobData {
  analysisId: string;
  moduleId: string;
  /** Module input name -> evidence name. */
  images: Record<string, string>;
  params: Record<string, unknown>;
}

export type AnalysisJobResult =
  | { kind: 'result'; capabilities: Record<string, unknown>; reason: string | null; outcome: string; rule: string }
  | { kind: 'input-error'; code: string; message: string };

export function parseAnalysisJob(data: unknown): AnalysisJobData {
  const d = data as Partial<AnalysisJobData> | null;
  const ok =
    !!d &&
    typeof d.analysisId === 'string' &&
    /^an-[A-Za-z0-9-]{1,80}$/.test(d.analysisId) &&
    typeof d.moduleId === 'string' &&
    typeof d.images === 'object' &&
    d.images !== null &&
    Object.values(d.images).every((v) => typeof v === 'string') &&
    typeof d.params === 'object' &&
    d.params !== null;
  if (!ok) throw new UnrecoverableError(`invalid analysis job payload: ${JSON.stringify(data).slice(0, 200)}`);
  return d as AnalysisJobData;
}
