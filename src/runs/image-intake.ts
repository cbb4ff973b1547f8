import { ImageInputError } from '../inference/image-error';
import { sniffImage, SniffLimits } from '../inference/image-sniff';
import { ApiError } from '../http/api-error';
import type { EvidenceRef } from '../engine/run';

/** Where images may appear in a run context, and the evidence name each gets. */
const IMAGE_FIELDS: { list: 'biometrics' | 'documents'; fields: string[] }[] = [
  { list: 'biometrics', fields: ['selfieImage', 'referenceImage'] },
  { list: 'documents', fields: ['frontImage', 'backImage'] },
];

const STATUS_FOR_IMAGE_CODE: Record<string, number> = {
  IMAGE_EMPTY: 400,
  IMAGE_TOO_LARGE: 413,
  IMAGE_UNSUPPORTED_FORMAT: 415,
  IMAGE_DIMENSIONS_TOO_LARGE: 422,
  IMAGE_TOO_SMALL: 422,
  IMAGE_CORRUPT: 422,
};

export interface IntakeLimits extends SniffLimits {
  maxBytes: number;
}

export interface IntakeResult {
  /** The context with every image replaced by an evidence reference. */
  context: Record<string, unknown>;
  images: Map<string, Buffer>;
}

/**
 * Decodes and checks every image in the context on the HTTP thread, cheaply (base64, size, magic
 * bytes, declared dimensions; no pixel decode), so obvious garbage is a 4xx before a run exists.
 */
export function intakeImages(context: Record<string, unknown>, limits: IntakeLimits): IntakeResult {
  const copy = structuredClone(context) as { subject: Record<string, unknown> };
  const images = new Map<string, Buffer>();
  for (const { list, fields } of IMAGE_FIELDS) {
    const items = copy.subject[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: Record<string, unknown>, index) => {
      for (const field of fields) {
        const value = item[field];
        if (value === undefined) continue;
        const where = `context.subject.${list}[${index}].${field}`;
        // An encrypted selfie is ciphertext, checked by the module that decrypts it.
        const encrypted = field === 'selfieImage' && item.selfieImageEncryption === true;
        const bytes = decodeBase64(value, where, limits.maxBytes);
        if (!encrypted) checkImage(bytes, where, limits);
        const name = `${list}-${index}-${field}`;
        images.set(name, bytes);
        item[field] = { $evidence: name } satisfies EvidenceRef;
      }
    });
  }
  return { context: copy, images };
}

/** One base64 image outside a run context (session media, the liveness endpoint), with the same checks and codes. */
export function intakeImage(value: unknown, where: string, limits: IntakeLimits): Buffer {
  const bytes = decodeBase64(value, where, limits.maxBytes);
  checkImage(bytes, where, limits);
  return bytes;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

function decodeBase64(value: unknown, where: string, maxBytes: number): Buffer {
  if (typeof value !== 'string') throw new ApiError(400, 'IMAGE_NOT_BASE64', `${where} must be a base64 string`, { field: where });
  let text = value;
  const dataUrl = /^data:[\w/+.-]+;base64,/.exec(text);
  if (dataUrl) text = text.slice(dataUrl[0].length);
  text = text.replace(/\s+/g, '');
  if (text.length === 0) throw new ApiError(400, 'IMAGE_EMPTY', `${where} is empty`, { field: where });
  if (Math.floor((text.length * 3) / 4) > maxBytes + 3) {
    throw new ApiError(413, 'IMAGE_TOO_LARGE', `${where} is larger than ${maxBytes} bytes`, { field: where, maxBytes });
  }
  const urlSafe = !BASE64.test(text);
  if ((urlSafe && !BASE64URL.test(text)) || text.length % 4 === 1) {
    throw new ApiError(400, 'IMAGE_NOT_BASE64', `${where} is not valid base64`, { field: where });
  }
  const bytes = Buffer.from(text, urlSafe ? 'base64url' : 'base64');
  if (bytes.length === 0) throw new ApiError(400, 'IMAGE_EMPTY', `${where} is empty`, { field: where });
  if (bytes.length > maxBytes) throw new ApiError(413, 'IMAGE_TOO_LARGE', `${where} is ${bytes.length} bytes; the limit is ${maxBytes}`, { field: where, maxBytes });
  return bytes;
}

function checkImage(bytes: Buffer, where: string, limits: SniffLimits): void {
  try {
    sniffImage(bytes, limits);
  } catch (err) {
    if (err instanceof ImageInputError) throw new ApiError(STATUS_FOR_IMAGE_CODE[err.code] ?? 422, err.code, `${where}: ${err.message}`, { field: where });
    throw err;
  }
}
