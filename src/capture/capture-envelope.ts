import { ApiError } from '../http/api-error';
import type { SealedParts } from './capture-crypto';

/** The `alg` every v1 envelope carries; anything else is refused before any key is touched. */
export const ENVELOPE_ALG = 'ECDH-P256+HKDF-SHA256+A256GCM';

/**
 * What goes into `selfieImage` when `selfieImageEncryption` is true: base64 of the UTF-8 JSON
 * `{ v: 1, alg, sessionId, epk, iv, aad, ct }`, binary fields base64url. The page, the SDK and
 * integrators posting /v1/runs themselves all produce exactly this.
 */
export function parseEnvelope(bytes: Buffer, where: string): SealedParts {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid(where, 'is not a capture envelope (base64 of a JSON object)');
  }
  const e = json as Record<string, unknown> | null;
  if (!e || typeof e !== 'object' || e.v !== 1 || e.alg !== ENVELOPE_ALG) throw invalid(where, `must be a v1 capture envelope with alg ${ENVELOPE_ALG}`);
  const field = (name: string, pattern: RegExp): string => {
    const value = e[name];
    if (typeof value !== 'string' || !pattern.test(value)) throw invalid(where, `envelope field "${name}" is missing or malformed`);
    return value;
  };
  const b64url = /^[A-Za-z0-9_-]+$/;
  return {
    sessionId: field('sessionId', /^[0-9a-f-]{36}$/),
    nonce: '',
    epk: Buffer.from(field('epk', b64url), 'base64url'),
    iv: Buffer.from(field('iv', b64url), 'base64url'),
    aad: Buffer.from(field('aad', b64url), 'base64url'),
    ct: Buffer.from(field('ct', b64url), 'base64url'),
  };
}

function invalid(where: string, problem: string): ApiError {
  return new ApiError(400, 'CAPTURE_ENVELOPE_INVALID', `${where} ${problem} (README "Liveness with injection attack detection")`, { field: where });
}
