import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { AnalysisClient } from '../analysis/analysis.client';
import { APP_CONFIG } from '../app.tokens';
import { RequireScopes } from '../auth/require-scopes.decorator';
import type { AppConfig } from '../config/app-config';
import { ApiError } from '../http/api-error';
import { intakeImage } from '../runs/image-intake';
import { CompareFacesDto } from './compare-faces.dto';

const FACEMATCH_MODULE_ID = 'facematch-v1';

/**
 * Synchronous face comparison (seed 002's compare-faces), run on the workers by facematch-v1:
 * `{ similarity, isMatch, confidence, threshold }`, plus the outcome and the reason when a face
 * is missing (then 422 FACE_NOT_FOUND: there is nothing to compare).
 */
@Controller('v1')
export class CompareFacesController {
  constructor(
    @Inject(AnalysisClient) private readonly analysis: AnalysisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('compare-faces')
  @HttpCode(200)
  @RequireScopes('runs:create')
  async compare(@Body() dto: CompareFacesDto) {
    const limits = { maxBytes: this.config.maxImageBytes, maxPixels: this.config.maxImagePixels, minSide: this.config.minImageSide };
    const source = intakeImage(dto.sourceImage, 'sourceImage', limits);
    const target = intakeImage(dto.targetImage, 'targetImage', limits);
    const result = await this.analysis.analyze(FACEMATCH_MODULE_ID, { selfie: target, reference: source });
    if (result.kind === 'input-error') throw new ApiError(422, result.code, `an image could not be decoded: ${result.message}`);
    const c = result.capabilities;
    if (result.reason) {
      throw new ApiError(422, 'FACE_NOT_FOUND', `no usable face: ${result.reason}`, { reason: result.reason.replace(/^SELFIE_/, 'TARGET_').replace(/^REFERENCE_/, 'SOURCE_') });
    }
    const similarity = Number(c.similarity);
    return {
      similarity,
      isMatch: c.isMatch === true,
      // How far the score sits from the decision threshold, 50-100: 50 at the threshold, 100 at 0 or 100.
      confidence: Math.round(50 + (50 * Math.abs(similarity - Number(c.threshold))) / Math.max(Number(c.threshold), 100 - Number(c.threshold))),
      threshold: Number(c.threshold),
      faceMatch: c.faceMatch,
      outcome: result.outcome,
    };
  }
}
