import type { Capabilities, ModuleDescription, ModuleHandler, ModuleRunInput, ModuleRunResult } from '../module-handler';
import { parseCaptureIntegrityReport } from '../../src/capture/capture-integrity-report';
import { FINGERPRINT_STAGE } from '../../src/capture/fingerprint-stage';
import { decodeImage } from '../../src/inference/image-decoder';
import { ImageInputError } from '../../src/inference/image-error';
import type { InferenceSettings } from '../../src/inference/inference-settings';
import { analyzeSelfie } from '../liveness-v1/liveness-analyzer';
import { LivenessModelSet, loadLivenessModelSet } from '../liveness-v1/liveness-model-set';
import { injectionVerdict, Tristate } from './injection-verdict';
import { perceptualHash } from './perceptual-hash';

const DEFAULT_FACE_LIVE = 75;

let loaded: { models: LivenessModelSet; settings: InferenceSettings } | undefined;

/**
 * Liveness with Injection Attack Detection (seed 001, second variant): faceLiveness from the
 * Liveness V1 pipeline against thresholds.faceLive, injectionAttack from the API's
 * capture-integrity report. Also answers the intake's fingerprint call (decoded size + pHash),
 * so pixels are only ever decoded in worker threads.
 */
export const handler: ModuleHandler = {
  id: 'liveness-iad',

  async init(settings: InferenceSettings): Promise<void> {
    if (loaded?.settings === settings) return;
    loaded = { models: await loadLivenessModelSet(settings), settings };
  },

  describe(): ModuleDescription {
    if (!loaded) return { models: [], warnings: ['liveness-iad is not initialised'] };
    return loaded.models.description;
  },

  async run(input: ModuleRunInput): Promise<ModuleRunResult> {
    if (!loaded) throw new Error('liveness-iad: run() before init()');
    const limits = { maxPixels: loaded.settings.maxImagePixels, minSide: loaded.settings.minImageSide };
    const selfie = input.images.selfie;
    if (input.params.stage === FINGERPRINT_STAGE) {
      if (!selfie) throw new Error('liveness-iad: fingerprint call without a "selfie" image');
      // ImageInputError propagates: the intake reads it as "the payload is not an image".
      const decoded = await decodeImage(selfie, limits);
      return { capabilities: { decodedSize: { width: decoded.width, height: decoded.height }, perceptualHash: perceptualHash(decoded) } };
    }

    const verdict = injectionVerdict(input.values.captureIntegrity);
    const report = parseCaptureIntegrityReport(input.values.captureIntegrity);
    const base: Capabilities = {
      ...verdict,
      decodedSize: report?.decoded ?? {},
      perceptualHash: report?.perceptualHash ?? '',
    };
    const injectionReason = verdict.injectionReasons[0];
    // The selfie is absent when it could not be decrypted (replay, tampering): nothing to score.
    if (!selfie) return { capabilities: { ...base, faceLiveness: 'Error' }, reason: injectionReason ?? 'SELFIE_UNAVAILABLE' };

    let scored: ModuleRunResult;
    try {
      scored = await analyzeSelfie(loaded.models, selfie, limits);
    } catch (err) {
      // Caught here rather than thrown so injectionAttack is still reported next to the Error.
      if (err instanceof ImageInputError) return { capabilities: { ...base, faceLiveness: 'Error' }, reason: injectionReason ?? err.code };
      throw err;
    }
    const score = Number(scored.capabilities.livenessScore ?? 0);
    const faceLive = input.thresholds?.faceLive ?? DEFAULT_FACE_LIVE;
    const faceLiveness: Tristate = score === 0 ? 'Error' : score >= faceLive ? 'Live' : 'Not Live';
    const capabilities: Capabilities = {
      ...base,
      faceLiveness,
      livenessScore: score,
      livenessReasonCode: scored.capabilities.reasonCode ?? 0,
      faceCount: scored.capabilities.faceCount ?? 0,
      livenessModel: scored.capabilities.livenessModel ?? '',
    };
    const reason = injectionReason ?? scored.reason;
    return reason === undefined ? { capabilities } : { capabilities, reason };
  },
};
