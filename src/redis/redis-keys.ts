/** Every Redis key the service writes, in one place, under the deployment's prefix. */
export function redisKeys(prefix: string) {
  return {
    run: (runId: string) => `${prefix}:run:${runId}`,
    evidence: (runId: string, name: string) => `${prefix}:evidence:${runId}:${name}`,
    evidenceIndex: (runId: string) => `${prefix}:evidence-index:${runId}`,
    idempotency: (key: string) => `${prefix}:idempotency:${key}`,
    runEvents: `${prefix}:run-events`,
    rateLimit: (keyId: string, window: number) => `${prefix}:rate:${keyId}:${window}`,
    session: (sessionId: string) => `${prefix}:session:${sessionId}`,
    sessionMedia: (sessionId: string, context: string) => `${prefix}:session-media:${sessionId}:${context}`,
    webhookDelivery: (eventId: string) => `${prefix}:webhook-delivery:${eventId}`,
    webhookDeliveries: (integrationId: string) => `${prefix}:webhook-deliveries:${integrationId}`,
  } as const;
}

export type RedisKeys = ReturnType<typeof redisKeys>;
