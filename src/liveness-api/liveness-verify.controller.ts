import { Body, Controller, HttpCode, HttpException, Inject, Post } from '@nestjs/common';
import { REGISTERED_MODULE_IDS } from '../../modules';
import { AnalysisClient } from '../analysis/analysis.client';
import { APP_CONFIG } from '../app.tokens';
import { RequireScopes } from '../auth/require-scopes.decorator';
import type { AppConfig } from '../config/app-config';
import { ApiError } from '../http/api-error';
import { intakeImage } from '../runs/image-intake';
import { LIVENESS_ERROR_CODES, livenessVerifyView } from './liveness-verify.view';
import { VerifyLivenessDto } from './verify-liveness.dto';

export const LIVENESS_MODULE_ID = 'liveness-v1';

/** Status codes of inconclusive image problems the module reports instead of a score. */
const INPUT_ERROR_STATUS: Record<string, number> = { IMAGE_TOO_LARGE: 413, IMAGE_UNSUPPORTED_FORMAT: 415 };

/**
 * Synchronous passive liveness on one selfie (seeds 002 and 003). The module runs on the workers,
 * never in the HTTP process; this request waits for it (ANALYSIS_TIMEOUT_MS, then 503 / 5001).
 */
@Controller('v1/liveness')
export class LivenessVerifyController {
  constructor(
    @Inject(AnalysisClient) private readonly analysis: AnalysisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('verify')
  @HttpCode(200)
  @RequireScopes('runs:create')
  async verify(@Body() dto: VerifyLivenessDto) {
    const selfie = intakeImage(dto.selfie, 'selfie', { maxBytes: this.config.maxImageBytes, maxPixels: this.config.maxImagePixels, minSide: this.config.minImageSide });
    if (!REGISTERED_MODULE_IDS.includes(LIVENESS_MODULE_ID)) {
      throw unavailable(`the ${LIVENESS_MODULE_ID} module is not installed in this deployment`);
    }
    let result;
    try {
      result = await this.analysis.analyze(LIVENESS_MODULE_ID, { selfie });
    } catch (err) {
      if (err instanceof ApiError && err.getStatus() === 503) throw unavailable(String((err.getResponse() as { message?: unknown }).message ?? 'engine unavailable'));
      throw err;
    }
    if (result.kind === 'input-error') throw new ApiError(INPUT_ERROR_STATUS[result.code] ?? 422, result.code, `selfie: ${result.message}`, { field: 'selfie' });
    const body = livenessVerifyView(result, new Date().toISOString());
    // A likely attack is an answer, not a request error: 200 with seed 003's NOT VERIFIED and
    // seed 002's errorCode 1009 (confidence too low) so clients of either find what they expect.
    if (body.verificationStatus === 'NOT VERIFIED') {
      return { ...body, code: 'LIVENESS_CONFIDENCE_TOO_LOW', errorCode: LIVENESS_ERROR_CODES.confidenceTooLow, message: `Liveness confidence ${body.confidence} is below the required threshold` };
    }
    return body;
  }
}

function unavailable(message: string): HttpException {
  return new HttpException({ statusCode: 503, code: 'ENGINE_UNAVAILABLE', errorCode: LIVENESS_ERROR_CODES.engineUnavailable, message }, 503);
}
