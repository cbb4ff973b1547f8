import { createHash } from 'node:crypto';
import type * as ort from 'onnxruntime-node';
import { decodeImage } from '../image-decoder';
import type { SniffLimits } from '../image-sniff';
import { downscaleToMaxSide } from './bitmap-downscale';
import { FaceBox, largestFirst, Point } from './face-box';
import type { FaceDetector } from './face-detector';
import { predictLandmarks68 } from './face-landmarks';
import type { RgbaBitmap } from './rgba-bitmap';

/** An image decoded, shrunk to the working size, with its faces and the largest face's landmarks. */
export interface PreparedImage {
  /** The working copy (longer side at most `maxSide`). */
  bitmap: RgbaBitmap;
  /** original pixels / working pixels. */
  factor: number;
  decodedWidth: number;
  decodedHeight: number;
  /** Largest first, in working-copy coordinates. */
  faces: FaceBox[];
  /** 68 landmarks of faces[0], working-copy coordinates; empty when there is no face. */
  landmarks: Point[];
}

/**
 * Longer side of the working copy every face step uses after decoding. Detection runs at 320 px
 * and the crops at 80-128 px, so nothing is lost; a 12 MP photo then costs the same as a webcam
 * frame past the decode. One value for every module, so their cache keys agree.
 */
export const WORKING_MAX_SIDE = 1280;

export type PrepareStage = 'decode' | 'resize' | 'detect' | 'landmarks';

/** Optional per-stage timing hook (the latency bench); production passes none. */
export type StageTimer = <T>(stage: PrepareStage, work: () => T | Promise<T>) => Promise<T>;

const untimed: StageTimer = async (_stage, work) => work();

export interface PreparerCounters {
  prepared: number;
  cacheHits: number;
}

const CACHE_SIZE = 8;
// Per worker thread: a run's selfie is decoded and detected once when its liveness and facematch
// steps land on the same thread (keyed by content hash, so no run id is needed).
const cache = new Map<string, Promise<PreparedImage>>();
const counters: PreparerCounters = { prepared: 0, cacheHits: 0 };

/** Forgets every prepared image of this thread (benchmarks measuring cold images). */
export function clearPreparedImages(): void {
  cache.clear();
}

/** How often this thread decoded+detected versus reused a prepared image (for the benchmark). */
export function preparerCounters(): PreparerCounters {
  return { ...counters };
}

/**
 * Decode, downscale, detect and landmark once per distinct image per thread. Throws
 * ImageInputError (from the decoder) for undecodable bytes; a failed preparation is not cached.
 */
export function prepareImage(
  bytes: Uint8Array,
  limits: SniffLimits,
  detector: FaceDetector,
  landmarks: ort.InferenceSession,
  maxSide: number,
  time: StageTimer = untimed,
): Promise<PreparedImage> {
  const key = `${detector.id}:${maxSide}:${createHash('sha256').update(bytes).digest('hex')}`;
  const hit = cache.get(key);
  if (hit) {
    counters.cacheHits += 1;
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = prepare(bytes, limits, detector, landmarks, maxSide, time);
  pending.catch(() => cache.delete(key));
  cache.set(key, pending);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return pending;
}

async function prepare(
  bytes: Uint8Array,
  limits: SniffLimits,
  detector: FaceDetector,
  landmarkSession: ort.InferenceSession,
  maxSide: number,
  time: StageTimer,
): Promise<PreparedImage> {
  counters.prepared += 1;
  const decoded = await time('decode', () => decodeImage(bytes, limits));
  const { bitmap, factor } = await time('resize', () => downscaleToMaxSide(decoded, maxSide));
  const faces = largestFirst(await time('detect', () => detector.detect(bitmap)));
  const face = faces[0];
  const points = face ? await time('landmarks', () => predictLandmarks68(landmarkSession, bitmap, face)) : [];
  return { bitmap, factor, decodedWidth: decoded.width, decodedHeight: decoded.height, faces, landmarks: points };
}
