/**
 * The capture metadata the browser authenticates as AES-GCM associated data: the exact UTF-8
 * bytes of this JSON object (the server parses the same bytes it authenticated, so what it
 * judges is what was sealed).
 */
export interface CaptureMetadata {
  sessionId: string;
  nonce: string;
  /** ISO 8601; the SDK derives it from the server's clock (serverTime + elapsed), not the device's. */
  capturedAt: string;
  cameraLabel: string;
  width: number;
  height: number;
  userAgent: string;
  sdkVersion: string;
  /** Video frames observed just before the capture, and their mean interval. */
  frameCount: number;
  frameIntervalMs: number;
}

/** Parses authenticated metadata; null when a field is missing or of the wrong type. */
export function parseCaptureMetadata(aad: Buffer): CaptureMetadata | null {
  let json: unknown;
  try {
    json = JSON.parse(aad.toString('utf8'));
  } catch {
    return null;
  }
  const m = json as Partial<Record<keyof CaptureMetadata, unknown>> | null;
  if (!m || typeof m !== 'object') return null;
  const str = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
  const int = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000;
  const ok =
    str(m.sessionId, 64) && str(m.nonce, 64) && str(m.capturedAt, 40) && !Number.isNaN(Date.parse(String(m.capturedAt))) &&
    str(m.cameraLabel, 300) && int(m.width) && int(m.height) && str(m.userAgent, 600) && str(m.sdkVersion, 40) &&
    int(m.frameCount) && typeof m.frameIntervalMs === 'number' && Number.isFinite(m.frameIntervalMs);
  return ok ? (m as CaptureMetadata) : null;
}

/** The metadata as the run records it (flat, bounded, no secrets: the nonce is single-use and already spent). */
export function metadataRecord(m: CaptureMetadata): Record<string, string | number> {
  return {
    capturedAt: m.capturedAt,
    cameraLabel: m.cameraLabel,
    width: m.width,
    height: m.height,
    userAgent: m.userAgent,
    sdkVersion: m.sdkVersion,
    frameCount: m.frameCount,
    frameIntervalMs: Math.round(m.frameIntervalMs * 10) / 10,
  };
}
