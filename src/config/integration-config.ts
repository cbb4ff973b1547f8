/** Integration surface settings: rate limits, webhook delivery, Veriff-style sessions (README "Webhooks", "Veriff-style sessions"). */
export interface IntegrationSurfaceConfig {
  /** Requests per minute per API key unless the integration sets `rateLimitPerMinute`. */
  rateLimitPerMinute: number;
  webhooks: {
    /** Delivery attempts per event (the first included). */
    attempts: number;
    /** First retry delay; doubles per attempt, with ±50% jitter so failed receivers are not hit in lockstep. */
    backoffMs: number;
    /** Per-attempt timeout; a slower receiver counts as a failed attempt. */
    timeoutMs: number;
    /** How long delivery records (and failures) are kept for listing and resending. */
    retentionSeconds: number;
    /** Allow receivers on loopback/private addresses (off by default: callbackUrl would be an SSRF vector). */
    allowPrivateDestinations: boolean;
  };
  sessions: {
    /** How long a session may wait for its submission before it expires (9104). */
    ttlSeconds: number;
    /** Base of the capture URL handed out with each session (`<base>/<sessionId>`). */
    captureUrlBase: string;
  };
}

type IntReader = (name: string, fallback: number, min: number, max?: number) => number;

/** Read by loadConfig with its own integer reader, so problems are reported with the others. */
export function readIntegrationSurfaceConfig(env: NodeJS.ProcessEnv, int: IntReader): IntegrationSurfaceConfig {
  return {
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 600, 1),
    webhooks: {
      attempts: int('WEBHOOK_ATTEMPTS', 8, 1, 50),
      backoffMs: int('WEBHOOK_BACKOFF_MS', 5_000, 10, 3_600_000),
      timeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
      retentionSeconds: int('WEBHOOK_RETENTION_SECONDS', 30 * 24 * 3600, 60),
      allowPrivateDestinations: env.WEBHOOK_ALLOW_PRIVATE_DESTINATIONS === 'true',
    },
    sessions: {
      ttlSeconds: int('SESSION_TTL_SECONDS', 7 * 24 * 3600, 1),
      captureUrlBase: (env.CAPTURE_URL_BASE || `http://localhost:${env.PORT || 3000}/capture`).replace(/\/+$/, ''),
    },
  };
}
