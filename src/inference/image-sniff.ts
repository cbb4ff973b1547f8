import { IMAGE_ERROR_CODES, ImageInputError } from './image-error';

/** Formats jimp can decode. WebP/HEIC are recognised only to name them in the error. */
export type ImageFormat = 'jpeg' | 'png' | 'bmp' | 'gif' | 'tiff';

export interface ImageHeader {
  format: ImageFormat;
  /** From the header when it can be read cheaply (JPEG SOF, PNG IHDR); undefined otherwise. */
  width?: number;
  height?: number;
}

export interface SniffLimits {
  /** Largest accepted pixel count, checked before any decode (decompression bombs). */
  maxPixels: number;
  /** Smallest accepted side in pixels. */
  minSide: number;
}

export const DEFAULT_SNIFF_LIMITS: SniffLimits = { maxPixels: 40_000_000, minSide: 32 };

/**
 * Reads the magic bytes and, for JPEG and PNG, the declared dimensions, without decoding.
 * Cheap enough for the HTTP thread; the full decode happens in a worker.
 */
export function sniffImage(bytes: Uint8Array, limits: SniffLimits = DEFAULT_SNIFF_LIMITS): ImageHeader {
  if (bytes.length === 0) throw new ImageInputError(IMAGE_ERROR_CODES.empty, 'the image is empty');
  const header = readHeader(bytes);
  const { width, height } = header;
  if (width !== undefined && height !== undefined) {
    if (width * height > limits.maxPixels) {
      throw new ImageInputError(
        IMAGE_ERROR_CODES.dimensionsTooLarge,
        `the image is ${width}x${height}; at most ${limits.maxPixels} pixels are accepted`,
      );
    }
    if (Math.min(width, height) < limits.minSide) {
      throw new ImageInputError(
        IMAGE_ERROR_CODES.tooSmall,
        `the image is ${width}x${height}; each side must be at least ${limits.minSide} pixels`,
      );
    }
  }
  return header;
}

function readHeader(b: Uint8Array): ImageHeader {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { format: 'jpeg', ...jpegSize(b) };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { format: 'png', ...pngSize(b) };
  if (startsWith(b, [0x42, 0x4d])) return { format: 'bmp' };
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return { format: 'gif' };
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return { format: 'tiff' };
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && ascii(b, 8, 4) === 'WEBP') {
    throw new ImageInputError(IMAGE_ERROR_CODES.unsupportedFormat, 'WebP images are not supported; send JPEG or PNG');
  }
  if (ascii(b, 4, 4) === 'ftyp') {
    throw new ImageInputError(IMAGE_ERROR_CODES.unsupportedFormat, 'HEIC/AVIF images are not supported; send JPEG or PNG');
  }
  throw new ImageInputError(IMAGE_ERROR_CODES.unsupportedFormat, 'the data is not a JPEG, PNG, BMP, GIF or TIFF image');
}

function jpegSize(b: Uint8Array): { width?: number; height?: number } {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return {};
    const marker = b[i + 1] ?? 0;
    // Fill bytes and standalone markers carry no length.
    if (marker === 0xff) { i += 1; continue; }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
    const len = ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0);
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      return { height: ((b[i + 5] ?? 0) << 8) | (b[i + 6] ?? 0), width: ((b[i + 7] ?? 0) << 8) | (b[i + 8] ?? 0) };
    }
    if (len < 2) return {};
    i += 2 + len;
  }
  return {};
}

function pngSize(b: Uint8Array): { width?: number; height?: number } {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return {};
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return magic.every((v, k) => b[k] === v);
}

function ascii(b: Uint8Array, start: number, len: number): string {
  return String.fromCharCode(...b.subarray(start, start + len));
}
