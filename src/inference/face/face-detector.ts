import type { FaceBox } from './face-box';
import type { RgbaBitmap } from './rgba-bitmap';

/** A face detector: every face it finds, in the pixel coordinates of the given image, best first. */
export interface FaceDetector {
  readonly id: string;
  detect(image: RgbaBitmap): Promise<FaceBox[]>;
}
