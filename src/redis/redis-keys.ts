/** Every Redis key the service writes, in one place, under the deployment's prefix. */
export function redisKeys(prefix: string) {
  return {
    run: (runId: string) => `${prefix}:run:${runId}`,
    evidence: (runId: string, name: string) => `${prefix}:evidence:${runId}:${name}`,
    evidenceIndex: (runId: string) => `${prefix}:evidence-index:${runId}`,
    idempotency: (key: string) => `${prefix}:idempotency:${key}`,
    runEvents: `${prefix}:run-events`,
  } as const;
}

export type RedisKeys = ReturnType<typeof redisKeys>;
