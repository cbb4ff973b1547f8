import { createHash } from 'node:crypto';
import type { AnalysisClient } from '../analysis/analysis.client';
import { ApiError } from '../http/api-error';
import { sniffImage, SniffLimits } from '../inference/image-sniff';
import type { CaptureFingerprintIndex } from './capture-fingerprint.index';
import type { CaptureIntegrityReport } from './capture-integrity-report';
import { INJECTION_ERRORS, INJECTION_REASONS } from './capture-reasons';
import { FINGERPRINT_STAGE } from './fingerprint-stage';

/**
 * The checks on the decrypted image itself: a format sniff here (header bytes only), then the
 * pixel work (decoded frame size, perceptual hash) on the workers through AnalysisClient, never
 * on the HTTP event loop; then the duplicate lookups in Redis. Mutates the report; returns false
 * when the payload is not an image at all (it is then not kept as evidence).
 */
export async function checkCapturedImage(
  deps: { analysis: AnalysisClient; index: CaptureFingerprintIndex; limits: SniffLimits; nearDuplicateMaxBits: number },
  moduleId: string,
  sessionId: string,
  image: Buffer,
  report: CaptureIntegrityReport,
): Promise<boolean> {
  try {
    sniffImage(image, deps.limits);
  } catch {
    report.reasons.push(INJECTION_REASONS.notAnImage);
    return false;
  }
  report.sha256 = createHash('sha256').update(image).digest('hex');
  const earlier = await deps.index.claimExact(report.sha256, sessionId);
  if (earlier) report.reasons.push(INJECTION_REASONS.exactDuplicate);

  let fingerprint;
  try {
    fingerprint = await deps.analysis.analyze(moduleId, { selfie: image }, { stage: FINGERPRINT_STAGE });
  } catch (err) {
    // No worker in time: the size and near-duplicate checks cannot be judged, which is Error, not Live.
    if (err instanceof ApiError && err.getStatus() === 503) {
      report.errors.push(INJECTION_ERRORS.fingerprintUnavailable);
      return true;
    }
    throw err;
  }
  if (fingerprint.kind === 'input-error') {
    report.reasons.push(INJECTION_REASONS.notAnImage);
    return false;
  }
  const size = fingerprint.capabilities.decodedSize as { width?: unknown; height?: unknown } | undefined;
  const phash = fingerprint.capabilities.perceptualHash;
  if (typeof size?.width !== 'number' || typeof size.height !== 'number' || typeof phash !== 'string') {
    report.errors.push(INJECTION_ERRORS.fingerprintUnavailable);
    return true;
  }
  report.decoded = { width: size.width, height: size.height };
  report.perceptualHash = phash;
  if (report.declared && (report.declared.width !== size.width || report.declared.height !== size.height)) {
    report.reasons.push(INJECTION_REASONS.frameSizeMismatch);
  }
  const nearest = await deps.index.nearestAndAdd(phash, sessionId);
  report.nearestDistance = nearest?.distance ?? null;
  if (nearest && nearest.distance <= deps.nearDuplicateMaxBits && !earlier) report.reasons.push(INJECTION_REASONS.nearDuplicate);
  return true;
}
