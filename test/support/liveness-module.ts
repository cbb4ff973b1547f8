import { REGISTERED_MODULE_IDS } from '../../modules';

/** True once the liveness-v1 module is registered in modules/index.ts. */
export const livenessRegistered = REGISTERED_MODULE_IDS.includes('liveness-v1');

/** Prints (and returns) a visible SKIP line when liveness-v1 is not registered; null when it is. */
export function skipReasonWithoutLiveness(what: string): string | null {
  if (livenessRegistered) return null;
  const reason = `SKIP: ${what}: module liveness-v1 is not registered in modules/index.ts yet`;
  process.stdout.write(`${reason}\n`);
  return reason;
}
