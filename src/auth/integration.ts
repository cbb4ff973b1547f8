/** What an API key may do. Integrator keys create runs and read decisions; reviewer keys decide reviews. */
export const SCOPES = ['runs:create', 'decisions:read', 'reviews:decide'] as const;
export type Scope = (typeof SCOPES)[number];

/** One integration (an integrator's app, or a reviewer tool), as configured by the operator. */
export interface Integration {
  id: string;
  name: string;
  /** sha256 hex digests of the API keys; several allow rotation. Keys themselves are never stored. */
  keyHashes: string[];
  /** Shared secret for HMAC request/response/webhook signatures; null when the integration signs nothing. */
  secret: string | null;
  scopes: Scope[];
  /** Decision webhook URL, when the integration wants pushes. */
  webhookUrl: string | null;
  /** Requests per minute per key; null = the global default. */
  rateLimitPerMinute: number | null;
}
