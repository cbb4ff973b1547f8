/**
 * Stable, machine-readable reasons an image cannot be used. The same codes are returned by the
 * HTTP API (4xx `code`) and reported as the `reason` of an ERROR outcome when the problem is only
 * discovered by the full decode inside a worker.
 */
export const IMAGE_ERROR_CODES = {
  empty: 'IMAGE_EMPTY',
  unsupportedFormat: 'IMAGE_UNSUPPORTED_FORMAT',
  corrupt: 'IMAGE_CORRUPT',
  tooLarge: 'IMAGE_TOO_LARGE',
  dimensionsTooLarge: 'IMAGE_DIMENSIONS_TOO_LARGE',
  tooSmall: 'IMAGE_TOO_SMALL',
} as const;

export type ImageErrorCode = (typeof IMAGE_ERROR_CODES)[keyof typeof IMAGE_ERROR_CODES];

/** Bad input, never retried: the bytes will not get better on a second attempt. */
export class ImageInputError extends Error {
  constructor(
    readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImageInputError';
  }
}
