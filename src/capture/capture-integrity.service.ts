import type { AnalysisClient } from '../analysis/analysis.client';
import type { Integration } from '../auth/integration';
import type { Catalog } from '../catalog/catalog';
import type { AppConfig } from '../config/app-config';
import type { Journey } from '../engine/journey';
import type { EvidenceRef } from '../engine/run';
import { ApiError } from '../http/api-error';
import type { EncryptedSelfieOpener } from '../runs/encrypted-selfie-opener';
import type { IntakeResult } from '../runs/image-intake';
import { openSealed } from './capture-crypto';
import { parseEnvelope } from './capture-envelope';
import type { CaptureFingerprintIndex } from './capture-fingerprint.index';
import { checkCapturedImage } from './capture-image-checks';
import type { CaptureIntegrityReport } from './capture-integrity-report';
import { metadataRecord, parseCaptureMetadata } from './capture-metadata';
import { INJECTION_REASONS } from './capture-reasons';
import type { CaptureSession } from './capture-session';
import type { CaptureSessionRepository } from './capture-session.repository';
import { isVirtualCameraLabel } from './virtual-camera';

/** The module input that marks a module as taking encrypted selfies: it consumes this report. */
export const CAPTURE_INTEGRITY_INPUT = 'captureIntegrity';
/** Device clocks are not trusted (the SDK uses server time), so only network latency needs slack. */
const CLOCK_SLACK_MS = 5_000;

type Biometric = Record<string, unknown>;

/**
 * Opens encrypted selfies at run intake, on the HTTP process but without touching pixels:
 * envelope, atomic session consume, decryption and authentication, metadata checks; the image
 * checks go to the workers (capture-image-checks.ts). The findings become the run's
 * capture-integrity report, which the liveness-iad module turns into injectionAttack.
 */
export class CaptureIntegrityService implements EncryptedSelfieOpener {
  constructor(
    private readonly config: AppConfig,
    private readonly catalog: Catalog,
    private readonly sessions: CaptureSessionRepository,
    private readonly index: CaptureFingerprintIndex,
    private readonly analysis: AnalysisClient,
  ) {}

  takesEncrypted(journey: Journey): boolean {
    const entry = journey.steps[journey.entry];
    return !!entry && this.catalog.module(entry.module).inputs.some((i) => i.name === CAPTURE_INTEGRITY_INPUT);
  }

  async open(journey: Journey, intake: IntakeResult, integration: Integration | null, runId: string): Promise<IntakeResult> {
    const entry = journey.steps[journey.entry];
    if (!entry) throw new Error(`journey ${journey.id} has no entry step`);
    const context = structuredClone(intake.context) as { subject: { biometrics?: Biometric[] } };
    const images = new Map(intake.images);
    const biometrics = context.subject.biometrics ?? [];
    for (const [index, item] of biometrics.entries()) {
      if (item.selfieImageEncryption !== true) continue;
      const name = `biometrics-${index}-selfieImage`;
      const where = `context.subject.biometrics[${index}].selfieImage`;
      const sealed = images.get(name);
      if (!sealed) throw new Error(`intake lost ${name}`);
      const { report, image } = await this.judge(sealed, where, journey, integration, entry.module, runId);
      if (image) {
        images.set(name, image);
        item.selfieImage = { $evidence: name } satisfies EvidenceRef;
      } else {
        // Nothing that could be decrypted is kept: the module reports faceLiveness Error.
        images.delete(name);
        item.selfieImage = null;
      }
      item.captureIntegrity = report as unknown as Record<string, unknown>;
    }
    return { context, images };
  }

  private async judge(sealed: Buffer, where: string, journey: Journey, integration: Integration | null, moduleId: string, runId: string): Promise<{ report: CaptureIntegrityReport; image: Buffer | null }> {
    const parts = parseEnvelope(sealed, where);
    const report: CaptureIntegrityReport = { v: 1, sessionId: parts.sessionId, reasons: [], errors: [], declared: null, decoded: null, sha256: null, perceptualHash: null, nearestDistance: null, capture: null };
    const now = Date.now();
    const consumed = await this.sessions.consume(parts.sessionId, now);
    switch (consumed.kind) {
      case 'unknown':
        report.reasons.push(INJECTION_REASONS.sessionUnknown);
        return { report, image: null };
      case 'used':
        // The key was deleted when the first submission consumed the session: nothing to decrypt.
        report.reasons.push(INJECTION_REASONS.sessionUsed);
        return { report, image: null };
      case 'expired':
        // A 4xx, not Not Live: a slow end user is not evidence of an attack, and no run is created.
        throw new ApiError(410, 'CAPTURE_SESSION_EXPIRED', `capture session ${parts.sessionId} expired at ${new Date(consumed.session.expiresAtMs).toISOString()}; create a new one`);
      case 'ok':
        break;
    }
    const session = consumed.session;
    await this.sessions.setRun(session.id, runId);
    if (session.journeyId !== journey.id) report.reasons.push(INJECTION_REASONS.sessionJourneyMismatch);
    if (session.integrationId !== (integration?.id ?? null)) report.reasons.push(INJECTION_REASONS.sessionIntegrationMismatch);
    const image = openSealed(consumed.privateKey, { ...parts, nonce: session.nonce });
    if (!image) {
      report.reasons.push(INJECTION_REASONS.decryptionFailed);
      return { report, image: null };
    }
    this.checkMetadata(parts.aad, session, now, report);
    const limits = { maxPixels: this.config.maxImagePixels, minSide: this.config.minImageSide };
    const keep = await checkCapturedImage({ analysis: this.analysis, index: this.index, limits, nearDuplicateMaxBits: this.config.capture.nearDuplicateMaxBits }, moduleId, session.id, image, report);
    return { report, image: keep ? image : null };
  }

  /** The authenticated metadata against the session, the clock and the known virtual cameras. */
  private checkMetadata(aad: Buffer, session: CaptureSession, now: number, report: CaptureIntegrityReport): void {
    const meta = parseCaptureMetadata(aad);
    if (!meta) {
      report.reasons.push(INJECTION_REASONS.metadataInvalid);
      return;
    }
    report.capture = metadataRecord(meta);
    report.declared = { width: meta.width, height: meta.height };
    if (meta.sessionId !== session.id) report.reasons.push(INJECTION_REASONS.sessionMismatch);
    if (meta.nonce !== session.nonce) report.reasons.push(INJECTION_REASONS.nonceMismatch);
    const capturedAt = Date.parse(meta.capturedAt);
    const window = this.config.capture.timeWindowSeconds * 1000;
    if (capturedAt < session.createdAtMs - CLOCK_SLACK_MS || capturedAt > now + CLOCK_SLACK_MS || now - capturedAt > window) {
      report.reasons.push(INJECTION_REASONS.timeOutsideWindow);
    }
    if (isVirtualCameraLabel(meta.cameraLabel)) report.reasons.push(INJECTION_REASONS.virtualCamera);
    if (meta.frameCount === 0) report.reasons.push(INJECTION_REASONS.noVideoFrames);
  }
}
