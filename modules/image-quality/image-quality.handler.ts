import { decodeImage } from '../../src/inference/image-decoder';
import type { InferenceSettings } from '../../src/inference/inference-settings';
import { laplacianVariance, lumaPlane, lumaStdDev, meanLuma } from '../../src/inference/luma-plane';
import type { ModuleHandler, ModuleRunInput, ModuleRunResult } from '../module-handler';
import { brightnessFactor, contrastFactor, qualityScore, resolutionFactor, sharpnessFactor } from './image-quality.score';

/** Measurements are taken at this long side so sharpness does not depend on the upload size. */
const MEASURE_SIDE = 640;

let limits = { maxPixels: 40_000_000, minSide: 32 };

export const handler: ModuleHandler = {
  id: 'image-quality',

  async init(settings: InferenceSettings): Promise<void> {
    limits = { maxPixels: settings.maxImagePixels, minSide: settings.minImageSide };
  },

  describe() {
    return { models: [], warnings: [] };
  },

  async run(input: ModuleRunInput): Promise<ModuleRunResult> {
    const bytes = input.images.image;
    if (!bytes) return { capabilities: {}, reason: 'INPUT_MISSING' };
    const image = await decodeImage(bytes, limits);
    const plane = lumaPlane(image, MEASURE_SIDE);
    const brightness = meanLuma(plane);
    const contrast = lumaStdDev(plane, brightness);
    const sharpness = laplacianVariance(plane);
    const factors = {
      brightness: brightnessFactor(brightness),
      sharpness: sharpnessFactor(sharpness),
      contrast: contrastFactor(contrast),
      resolution: resolutionFactor(image.width, image.height),
    };
    const issues: string[] = [];
    if (brightness < 70) issues.push('TOO_DARK');
    if (brightness > 190) issues.push('TOO_BRIGHT');
    if (factors.sharpness < 0.35) issues.push('BLURRY');
    if (factors.contrast < 0.5) issues.push('LOW_CONTRAST');
    if (factors.resolution < 1) issues.push('LOW_RESOLUTION');
    return {
      capabilities: {
        width: image.width,
        height: image.height,
        brightness: round(brightness, 1),
        contrast: round(contrast, 1),
        sharpness: round(sharpness, 1),
        qualityScore: qualityScore(factors),
        issues,
      },
    };
  },
};

function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}
