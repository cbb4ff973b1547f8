import type { Capabilities, ModuleRunResult } from '../module-handler';
import type * as ort from 'onnxruntime-node';
import { fivePointsFrom68 } from '../../src/inference/face/face-alignment';
import type { FaceBox } from '../../src/inference/face/face-box';
import type { FaceDetector } from '../../src/inference/face/face-detector';
import { cosine, FaceEmbedder } from '../../src/inference/face/face-embedder';
import { prepareImage, PreparedImage, WORKING_MAX_SIDE } from '../../src/inference/face/face-preparer';
import type { SniffLimits } from '../../src/inference/image-sniff';
import { cosineToSimilarity, faceMatchLabel } from './similarity-calibration';

/** Faces smaller than this (longer side, original pixels) carry too little detail to compare. */
export const MIN_FACE_PX = 40;

export interface FacematchModels {
  detector: FaceDetector;
  detectorId: string;
  landmarks: ort.InferenceSession;
  embedder: FaceEmbedder;
  embedderId: string;
}

export interface FacematchInput {
  selfie: Uint8Array;
  reference: Uint8Array;
  referenceSource: 'reference' | 'document';
  threshold: number;
}

/**
 * Embeds the largest face of each image (5-point aligned) and compares them. No usable face on
 * either side is a result with a reason (similarity 0 -> ERROR by the default rules), not a Fail.
 */
export async function compareFaces(models: FacematchModels, input: FacematchInput, limits: SniffLimits): Promise<ModuleRunResult> {
  const selfie = await prepareImage(input.selfie, limits, models.detector, models.landmarks, WORKING_MAX_SIDE);
  const reference = await prepareImage(input.reference, limits, models.detector, models.landmarks, WORKING_MAX_SIDE);
  const base: Capabilities = {
    similarity: 0,
    isMatch: false,
    threshold: input.threshold,
    faceMatch: 'no_match',
    cosine: 0,
    selfieFace: faceCapability(selfie),
    referenceFace: faceCapability(reference),
    referenceFaceSize: faceSide(reference),
    referenceSource: input.referenceSource,
    embeddingModel: models.embedderId,
    detectorModel: models.detectorId,
  };
  const selfieProblem = usability(selfie, 'SELFIE');
  if (selfieProblem) return { capabilities: base, reason: selfieProblem };
  const referenceProblem = usability(reference, input.referenceSource === 'document' ? 'DOCUMENT' : 'REFERENCE');
  if (referenceProblem) return { capabilities: base, reason: referenceProblem };

  const a = await models.embedder.embed(selfie.bitmap, fivePointsFrom68(selfie.landmarks));
  const b = await models.embedder.embed(reference.bitmap, fivePointsFrom68(reference.landmarks));
  const cos = cosine(a, b);
  const similarity = cosineToSimilarity(cos);
  return {
    capabilities: {
      ...base,
      similarity,
      isMatch: similarity >= input.threshold,
      faceMatch: faceMatchLabel(similarity, input.threshold),
      cosine: Math.round(cos * 10_000) / 10_000,
    },
  };
}

function usability(image: PreparedImage, side: 'SELFIE' | 'REFERENCE' | 'DOCUMENT'): string | null {
  if (image.faces.length === 0 || image.landmarks.length < 68) return `${side}_FACE_MISSING`;
  if (faceSide(image) < MIN_FACE_PX) return `${side}_FACE_TOO_SMALL`;
  return null;
}

function faceSide(image: PreparedImage): number {
  const face = image.faces[0];
  return face ? Math.round(Math.max(face.x2 - face.x1, face.y2 - face.y1) * image.factor) : 0;
}

function faceCapability(image: PreparedImage): Capabilities {
  const face: FaceBox | undefined = image.faces[0];
  if (!face) return {};
  const f = image.factor;
  return { x: Math.round(face.x1 * f), y: Math.round(face.y1 * f), width: Math.round((face.x2 - face.x1) * f), height: Math.round((face.y2 - face.y1) * f), confidence: Math.round(face.score * 1000) / 1000 };
}
