import { Jimp } from 'jimp';
import { IMAGE_ERROR_CODES, ImageInputError } from './image-error';
import { DEFAULT_SNIFF_LIMITS, ImageFormat, SniffLimits, sniffImage } from './image-sniff';

/** An RGBA bitmap, upright (EXIF orientation already applied). */
export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  data: Uint8Array;
  format: ImageFormat;
}

/**
 * Decodes with jimp (pure JS, so CPU-bound: call it from a worker thread, never the HTTP thread).
 * jimp's fromBuffer applies the EXIF orientation itself. Never pass jimp a string: Jimp.read()
 * would fetch URLs.
 */
export async function decodeImage(bytes: Uint8Array, limits: SniffLimits = DEFAULT_SNIFF_LIMITS): Promise<DecodedImage> {
  const header = sniffImage(bytes, limits);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let image;
  try {
    image = await Jimp.fromBuffer(buffer, {
      // jpeg-js guards against bombs whose header we could not read (progressive oddities).
      'image/jpeg': { maxResolutionInMP: limits.maxPixels / 1e6, maxMemoryUsageInMB: 1024 },
    });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ImageInputError(IMAGE_ERROR_CODES.corrupt, `the ${header.format} image cannot be decoded (${detail.slice(0, 120)})`);
  }
  const { width, height, data } = image.bitmap;
  if (width * height > limits.maxPixels) {
    throw new ImageInputError(IMAGE_ERROR_CODES.dimensionsTooLarge, `the image is ${width}x${height}`);
  }
  if (Math.min(width, height) < limits.minSide) {
    throw new ImageInputError(IMAGE_ERROR_CODES.tooSmall, `the image is ${width}x${height}`);
  }
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), format: header.format };
}
