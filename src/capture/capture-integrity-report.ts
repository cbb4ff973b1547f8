/**
 * What the API found out about one encrypted selfie, written into the run context by the server
 * (context.subject.biometrics[i].captureIntegrity) and read by the liveness-iad module. Clients
 * cannot send it: the run DTO forbids unknown fields, so only the intake writes it.
 */
export interface CaptureIntegrityReport {
  v: 1;
  /** The capture session the envelope named (may be unknown to the server). */
  sessionId: string | null;
  /** Failed checks (README "Injection reasons"); any entry makes injectionAttack Not Live. */
  reasons: string[];
  /** Checks that could not run; with no reasons, they make injectionAttack Error. */
  errors: string[];
  /** Frame size the capture metadata declared, when it could be read. */
  declared: { width: number; height: number } | null;
  /** Frame size of the decrypted image as a worker decoded it. */
  decoded: { width: number; height: number } | null;
  /** SHA-256 of the decrypted image, hex. */
  sha256: string | null;
  /** 64-bit DCT perceptual hash, hex. */
  perceptualHash: string | null;
  /** Hamming distance to the closest earlier capture from another session, when one was within the index's reach. */
  nearestDistance: number | null;
  /** The authenticated capture metadata the browser sent (no image bytes, no keys). */
  capture: Record<string, string | number> | null;
}

/** Validates a report read back from a run context (old runs survive deploys); null when it is not one. */
export function parseCaptureIntegrityReport(value: unknown): CaptureIntegrityReport | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Partial<CaptureIntegrityReport>;
  const strings = (a: unknown): a is string[] => Array.isArray(a) && a.every((s) => typeof s === 'string');
  if (r.v !== 1 || !strings(r.reasons) || !strings(r.errors)) return null;
  return r as CaptureIntegrityReport;
}
