/** A point in image pixel coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned rectangle in image pixel coordinates (x, y = top-left corner). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One detected face, in the pixel coordinates of the image given to the detector. */
export interface FaceBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Detector confidence, 0-1. */
  score: number;
  /** Five keypoints (eyes, nose, mouth corners) when the detector gives them (YuNet does). */
  keypoints?: Point[];
}

export function boxArea(box: FaceBox): number {
  return Math.max(0, box.x2 - box.x1) * Math.max(0, box.y2 - box.y1);
}

export function intersectionOverUnion(a: FaceBox, b: FaceBox): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (boxArea(a) + boxArea(b) - inter);
}

/** Maps a box found on a resized copy back to the original image (factor = original / copy). */
export function scaleBox(box: FaceBox, factor: number): FaceBox {
  return {
    x1: box.x1 * factor,
    y1: box.y1 * factor,
    x2: box.x2 * factor,
    y2: box.y2 * factor,
    score: box.score,
    ...(box.keypoints ? { keypoints: box.keypoints.map((p) => ({ x: p.x * factor, y: p.y * factor })) } : {}),
  };
}

/** The largest face first: several faces in a selfie means we score the one nearest the camera. */
export function largestFirst(boxes: FaceBox[]): FaceBox[] {
  return [...boxes].sort((a, b) => boxArea(b) - boxArea(a));
}
