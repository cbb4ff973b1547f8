import { createDecipheriv, createECDH, hkdfSync } from 'node:crypto';

/** Curve for the per-session ECDH (WebCrypto "P-256"). */
const CURVE = 'prime256v1';
/** HKDF info prefix; the session id follows, so a key derived for one session opens nothing else. */
export const HKDF_INFO_PREFIX = 'idv-capture-v1:';
const TAG_BYTES = 16;
const IV_BYTES = 12;

export interface SessionKeyPair {
  /** Uncompressed P-256 point (65 bytes), base64url: WebCrypto imports it as "raw". */
  publicKey: string;
  /** 32-byte scalar, base64; only ever stored in Redis under the session's TTL. */
  privateKey: string;
}

export function generateSessionKeyPair(): SessionKeyPair {
  const ecdh = createECDH(CURVE);
  ecdh.generateKeys();
  return { publicKey: ecdh.getPublicKey().toString('base64url'), privateKey: ecdh.getPrivateKey().toString('base64') };
}

export interface SealedParts {
  sessionId: string;
  nonce: string;
  /** The browser's ephemeral public key (raw uncompressed point). */
  epk: Buffer;
  iv: Buffer;
  /** The exact metadata bytes authenticated as associated data. */
  aad: Buffer;
  /** AES-GCM output as WebCrypto produces it: ciphertext then the 16-byte tag. */
  ct: Buffer;
}

/**
 * ECDH(server private, browser ephemeral) -> HKDF-SHA256(salt = nonce bytes, info =
 * "idv-capture-v1:" + sessionId) -> AES-256-GCM with the metadata as AAD. Returns the plaintext,
 * or null when any part fails (bad point, wrong key, tampered ciphertext or AAD): callers must
 * not learn which, and neither must the client.
 */
export function openSealed(privateKeyB64: string, parts: SealedParts): Buffer | null {
  try {
    if (parts.iv.length !== IV_BYTES || parts.ct.length <= TAG_BYTES) return null;
    const ecdh = createECDH(CURVE);
    ecdh.setPrivateKey(Buffer.from(privateKeyB64, 'base64'));
    const shared = ecdh.computeSecret(parts.epk);
    const key = Buffer.from(hkdfSync('sha256', shared, Buffer.from(parts.nonce, 'base64url'), Buffer.from(HKDF_INFO_PREFIX + parts.sessionId, 'utf8'), 32));
    const decipher = createDecipheriv('aes-256-gcm', key, parts.iv);
    decipher.setAAD(parts.aad);
    decipher.setAuthTag(parts.ct.subarray(parts.ct.length - TAG_BYTES));
    return Buffer.concat([decipher.update(parts.ct.subarray(0, parts.ct.length - TAG_BYTES)), decipher.final()]);
  } catch {
    // Deliberately not logged: the cause (point, tag) is exactly what an attacker would probe for.
    return null;
  }
}
