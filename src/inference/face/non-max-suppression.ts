import { FaceBox, intersectionOverUnion } from './face-box';

/**
 * Greedy NMS by score: keeps the best box, drops every box overlapping it by more than
 * `iouThreshold`, repeats. Detectors emit many anchors per face; this leaves one.
 */
export function nonMaxSuppression(boxes: FaceBox[], iouThreshold: number, maxBoxes = 50): FaceBox[] {
  const sorted = [...boxes].sort((a, b) => b.score - a.score);
  const kept: FaceBox[] = [];
  for (const box of sorted) {
    if (kept.length >= maxBoxes) break;
    if (kept.every((k) => intersectionOverUnion(k, box) <= iouThreshold)) kept.push(box);
  }
  return kept;
}
