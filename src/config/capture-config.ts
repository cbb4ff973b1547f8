/** Capture sessions for encrypted selfies (README "Liveness with injection attack detection"). */
export interface CaptureConfig {
  /** Default lifetime of a capture session; a session may ask for less (never more than maxSessionTtlSeconds). */
  sessionTtlSeconds: number;
  maxSessionTtlSeconds: number;
  /** A capture timestamp further than this from the server's clock is CAPTURE_TIME_OUTSIDE_WINDOW. */
  timeWindowSeconds: number;
  /** How long image hashes are remembered for the duplicate checks. */
  duplicateRetentionSeconds: number;
  /** pHash Hamming distance (of 64 bits) at or under which two captures are near-duplicates; at most 7 (see the index). */
  nearDuplicateMaxBits: number;
  /** Absolute origin for captureUrl in responses (e.g. https://idv.example.com); relative paths when unset. */
  publicBaseUrl: string;
}

type IntReader = (name: string, fallback: number, min: number, max?: number) => number;

/** Read by loadConfig with its own integer reader, so problems are reported with the others. */
export function readCaptureConfig(env: NodeJS.ProcessEnv, int: IntReader): CaptureConfig {
  return {
    sessionTtlSeconds: int('CAPTURE_SESSION_TTL_SECONDS', 600, 1, 24 * 3600),
    maxSessionTtlSeconds: int('CAPTURE_SESSION_MAX_TTL_SECONDS', 3600, 1, 24 * 3600),
    timeWindowSeconds: int('CAPTURE_TIME_WINDOW_SECONDS', 120, 5, 3600),
    duplicateRetentionSeconds: int('CAPTURE_DUPLICATE_RETENTION_SECONDS', 30 * 24 * 3600, 60),
    nearDuplicateMaxBits: int('CAPTURE_NEAR_DUPLICATE_MAX_BITS', 6, 0, 7),
    publicBaseUrl: (env.CAPTURE_PUBLIC_URL ?? '').replace(/\/+$/, ''),
  };
}
