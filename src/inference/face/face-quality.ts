import type { FaceBox, Rect } from './face-box';
import type { RgbaBitmap } from './rgba-bitmap';
import { sampleToTensor } from './tensor-sampler';

const SIDE = 112;
const GREY = { channelOrder: 'gray', mean: [0], std: [1] } as const;

export interface FaceQuality {
  /** Mean luma of the face box, 0 (black) to 100 (white). */
  brightness: number;
  /**
   * Variance of the Laplacian of the face box resampled to 112x112 grey: near 0 for a blurred
   * face, hundreds for a crisp one. Resampling first makes it independent of the camera resolution.
   */
  sharpness: number;
  /** Share of the face box lying outside the image, 0-1 (a face cut off by the frame edge). */
  outsideFraction: number;
}

export function measureFaceQuality(image: RgbaBitmap, box: FaceBox): FaceQuality {
  const region = insideRect(image, box);
  const grey = sampleToTensor(image, region, SIDE, SIDE, GREY);
  let sum = 0;
  for (const v of grey) sum += v;
  let lapSum = 0, lapSq = 0, n = 0;
  for (let y = 1; y < SIDE - 1; y++) {
    for (let x = 1; x < SIDE - 1; x++) {
      const i = y * SIDE + x;
      // Non-null assertions: i +/- 1 and +/- SIDE stay inside the 112x112 grid by the loop bounds.
      const lap = grey[i - 1]! + grey[i + 1]! + grey[i - SIDE]! + grey[i + SIDE]! - 4 * grey[i]!;
      lapSum += lap;
      lapSq += lap * lap;
      n++;
    }
  }
  const mean = lapSum / n;
  const boxArea = (box.x2 - box.x1) * (box.y2 - box.y1);
  return {
    brightness: round1((sum / grey.length / 255) * 100),
    sharpness: round1(lapSq / n - mean * mean),
    outsideFraction: boxArea > 0 ? Math.round((1 - (region.width * region.height) / boxArea) * 1000) / 1000 : 1,
  };
}

/** The part of the box inside the image, in whole pixels, at least 1x1. */
export function insideRect(image: RgbaBitmap, box: FaceBox): Rect {
  const x = Math.min(Math.max(Math.floor(box.x1), 0), image.width - 1);
  const y = Math.min(Math.max(Math.floor(box.y1), 0), image.height - 1);
  const x2 = Math.min(Math.max(Math.ceil(box.x2), x + 1), image.width);
  const y2 = Math.min(Math.max(Math.ceil(box.y2), y + 1), image.height);
  return { x, y, width: x2 - x, height: y2 - y };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
