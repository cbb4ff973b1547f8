/** The capture feature's Redis keys, under the deployment prefix (next to src/redis/redis-keys.ts). */
export function captureKeys(prefix: string) {
  return {
    /** Hash: one capture session (public fields, state, run id). Outlives the session by a grace period so "expired" and "used" stay distinguishable from "unknown". */
    session: (sessionId: string) => `${prefix}:capture:session:${sessionId}`,
    /** String: the session's ECDH private key (base64), TTL = the session's; deleted when consumed. */
    privateKey: (sessionId: string) => `${prefix}:capture:key:${sessionId}`,
    /** String: session id that first submitted an image with this SHA-256. */
    exactHash: (sha256: string) => `${prefix}:capture:sha:${sha256}`,
    /** Set of "<phash>:<sessionId>" sharing byte `band` of the pHash (see capture-fingerprint.index.ts). */
    phashBand: (band: number, value: string) => `${prefix}:capture:phash:${band}:${value}`,
  } as const;
}

export type CaptureKeys = ReturnType<typeof captureKeys>;
