import type { FaceBox, Rect } from './face-box';

export interface FaceCrop {
  /** Integer pixel region inside the image. */
  region: Rect;
  /**
   * The scale actually reached: below the requested one when the face is too large for the
   * image to hold the requested context. A crop with little context is where liveness models
   * are near chance (they judge the border of a print or screen as much as the skin).
   */
  achievedScale: number;
}

/**
 * The face box (squared on its longer side when `square`), scaled by `scale` about its centre,
 * then shifted, not clipped, to lie inside the image; the scale is reduced only when the image
 * is too small to hold it. Same arithmetic as Silent-Face-Anti-Spoofing's CropImage._get_new_box,
 * which the MiniFASNet and faceplugin liveness models were trained with.
 */
export function scaledFaceCrop(box: FaceBox, imageWidth: number, imageHeight: number, scale: number, square: boolean): FaceCrop {
  let boxW = box.x2 - box.x1, boxH = box.y2 - box.y1;
  const cx = (box.x1 + box.x2) / 2, cy = (box.y1 + box.y2) / 2;
  if (square) boxW = boxH = Math.max(boxW, boxH);
  const achievedScale = Math.min((imageHeight - 1) / boxH, (imageWidth - 1) / boxW, scale);
  const w = boxW * achievedScale, h = boxH * achievedScale;
  let left = cx - w / 2, top = cy - h / 2, right = cx + w / 2, bottom = cy + h / 2;
  if (left < 0) { right -= left; left = 0; }
  if (top < 0) { bottom -= top; top = 0; }
  if (right > imageWidth - 1) { left -= right - imageWidth + 1; right = imageWidth - 1; }
  if (bottom > imageHeight - 1) { top -= bottom - imageHeight + 1; bottom = imageHeight - 1; }
  const x = Math.max(0, Math.trunc(left)), y = Math.max(0, Math.trunc(top));
  const region = {
    x,
    y,
    width: Math.max(1, Math.min(Math.trunc(right), imageWidth - 1) - x + 1),
    height: Math.max(1, Math.min(Math.trunc(bottom), imageHeight - 1) - y + 1),
  };
  return { region, achievedScale };
}
