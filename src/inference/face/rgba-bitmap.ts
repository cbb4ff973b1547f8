/** An RGBA bitmap (4 bytes per pixel, row-major), such as the image decoder returns. */
export interface RgbaBitmap {
  width: number;
  height: number;
  data: Uint8Array;
}
