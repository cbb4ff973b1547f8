/**
 * A capture session: one chance for one subject to send one encrypted selfie to one journey.
 * (Not a Veriff session, src/sessions: that one is a whole verification.)
 */
export interface CaptureSession {
  id: string;
  /** SHA-256 of the token's secret part, hex; the token itself is never stored. */
  tokenHash: string;
  journeyId: string;
  /** id@version the session was created for. */
  resourceId: string;
  integrationId: string | null;
  subjectReference: string | null;
  callbackUrl: string | null;
  vendorData: string | null;
  /** 16 random bytes, base64url: HKDF salt, and echoed in the authenticated metadata. */
  nonce: string;
  /** Server ECDH P-256 public key, raw uncompressed point, base64url. */
  publicKey: string;
  createdAtMs: number;
  expiresAtMs: number;
  state: 'open' | 'used';
  runId: string | null;
}

/** What the Lua consume decided; see CaptureSessionRepository.consume. */
export type ConsumeResult =
  | { kind: 'ok'; session: CaptureSession; privateKey: string }
  | { kind: 'unknown' }
  | { kind: 'used'; session: CaptureSession }
  | { kind: 'expired'; session: CaptureSession };
