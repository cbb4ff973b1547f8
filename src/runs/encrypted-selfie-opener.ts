import type { Integration } from '../auth/integration';
import type { Journey } from '../engine/journey';
import type { IntakeResult } from './image-intake';

/**
 * The port through which RunsService hands encrypted selfies to the capture feature (src/capture
 * implements it). Without one, every encrypted selfie is refused.
 */
export interface EncryptedSelfieOpener {
  /** True when the journey's entry module takes encrypted selfies (and then only those). */
  takesEncrypted(journey: Journey): boolean;
  /**
   * Decrypts and judges every encrypted selfie of an intake: returns the intake with each
   * ciphertext replaced by the plaintext image (or removed when it could not be opened) and a
   * server-written capture-integrity report beside it. Throws ApiError for malformed envelopes
   * and expired sessions.
   */
  open(journey: Journey, intake: IntakeResult, integration: Integration | null, runId: string): Promise<IntakeResult>;
}
