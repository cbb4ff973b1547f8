/** Failed capture-integrity checks: each makes injectionAttack Not Live (README "Injection reasons"). */
export const INJECTION_REASONS = {
  sessionUnknown: 'SESSION_UNKNOWN',
  sessionUsed: 'SESSION_ALREADY_USED',
  sessionJourneyMismatch: 'SESSION_JOURNEY_MISMATCH',
  sessionIntegrationMismatch: 'SESSION_INTEGRATION_MISMATCH',
  sessionMismatch: 'SESSION_MISMATCH',
  decryptionFailed: 'DECRYPTION_FAILED',
  metadataInvalid: 'METADATA_INVALID',
  nonceMismatch: 'NONCE_MISMATCH',
  timeOutsideWindow: 'CAPTURE_TIME_OUTSIDE_WINDOW',
  virtualCamera: 'VIRTUAL_CAMERA',
  noVideoFrames: 'NO_VIDEO_FRAMES',
  notAnImage: 'PAYLOAD_NOT_AN_IMAGE',
  frameSizeMismatch: 'FRAME_SIZE_MISMATCH',
  exactDuplicate: 'EXACT_DUPLICATE',
  nearDuplicate: 'NEAR_DUPLICATE',
} as const;

/** Checks that could not be evaluated: with no failed check, injectionAttack is Error. */
export const INJECTION_ERRORS = {
  fingerprintUnavailable: 'FINGERPRINT_UNAVAILABLE',
} as const;
