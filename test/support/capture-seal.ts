import { createCipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import { sniffImage } from '../../src/inference/image-sniff';

/** What POST /v1/capture-sessions returns (the parts a sealer needs). */
export interface CreatedCaptureSession {
  id: string;
  token: string;
  nonce: string;
  publicKey: { key: string };
  serverTime: number;
}

/**
 * Seals an image for a capture session exactly as capture-sdk.js does in the browser (ECDH P-256,
 * HKDF-SHA256, AES-256-GCM, metadata as AAD), so API tests can replay, tamper and lie.
 */
export function sealForSession(session: CreatedCaptureSession, image: Buffer, overrides: Record<string, unknown> = {}, opts: { saltNonce?: string } = {}): { envelope: string; parts: Record<string, string>; metadata: Record<string, unknown> } {
  const header = sniffImage(image);
  const metadata = {
    sessionId: session.id,
    nonce: session.nonce,
    capturedAt: new Date().toISOString(),
    cameraLabel: 'Integrated Camera (04f2:b6dd)',
    width: header.width,
    height: header.height,
    userAgent: 'jest',
    sdkVersion: '1.0.0',
    frameCount: 15,
    frameIntervalMs: 33.3,
    ...overrides,
  };
  const aad = Buffer.from(JSON.stringify(metadata), 'utf8');
  const mine = createECDH('prime256v1');
  mine.generateKeys();
  const shared = mine.computeSecret(Buffer.from(session.publicKey.key, 'base64url'));
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.from(opts.saltNonce ?? session.nonce, 'base64url'), Buffer.from(`idv-capture-v1:${session.id}`), 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(image), cipher.final(), cipher.getAuthTag()]);
  const parts = { v: 1, alg: 'ECDH-P256+HKDF-SHA256+A256GCM', sessionId: session.id, epk: mine.getPublicKey().toString('base64url'), iv: iv.toString('base64url'), aad: aad.toString('base64url'), ct: ct.toString('base64url') };
  return { envelope: envelopeOf(parts), parts: parts as unknown as Record<string, string>, metadata };
}

export function envelopeOf(parts: object): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64');
}

/** Seed 001's table: the decision the journey must reach for the two capabilities. */
export function expectedOutcome(face: unknown, injection: unknown): string {
  if (face === 'Live' && injection === 'Live') return 'Success';
  if ((face === 'Live' && injection === 'Not Live') || (face === 'Not Live' && injection === 'Live')) return 'Review';
  if (face === 'Not Live' && injection === 'Not Live') return 'Fail';
  return 'ERROR';
}
