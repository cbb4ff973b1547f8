import type { Rect } from './face-box';
import type { RgbaBitmap } from './rgba-bitmap';
import type { TensorLayout } from './tensor-layout';

/** Where the sampled pixels land inside a larger tensor (letterboxing); defaults to the whole tensor. */
export interface TensorCanvas {
  width: number;
  height: number;
}

/**
 * Crops `region` (integer pixels, inside the image) and resizes it to outWidth x outHeight into a
 * planar [1, C, H, W] float tensor. Bilinear with half-pixel centres and edge clamping, i.e. what
 * OpenCV's `resize(img[y:y+h, x:x+w], INTER_LINEAR)` does: the models were trained on crops made
 * that way, and a different resampler shifts their scores measurably.
 * With a canvas larger than the output, the rest is filled with the layout's value for black.
 */
export function sampleToTensor(
  image: RgbaBitmap,
  region: Rect,
  outWidth: number,
  outHeight: number,
  layout: TensorLayout,
  canvas: TensorCanvas = { width: outWidth, height: outHeight },
): Float32Array {
  const channels = layout.channelOrder === 'gray' ? 1 : 3;
  const plane = canvas.width * canvas.height;
  const tensor = new Float32Array(plane * channels);
  const offsets = channelOffsets(layout);
  const scale = layout.std.map((s) => 1 / s);
  for (let c = 0; c < channels; c++) tensor.fill((0 - (layout.mean[c] ?? 0)) * (scale[c] ?? 1), c * plane, (c + 1) * plane);

  const xs = axisSamples(region.x, region.width, outWidth);
  const ys = axisSamples(region.y, region.height, outHeight);
  const { data, width } = image;
  const m0 = layout.mean[0] ?? 0, m1 = layout.mean[1] ?? 0, m2 = layout.mean[2] ?? 0;
  const s0 = scale[0] ?? 1, s1 = scale[1] ?? 1, s2 = scale[2] ?? 1;
  const [o0, o1, o2] = offsets;
  for (let oy = 0; oy < outHeight; oy++) {
    // Non-null assertions: indices come from axisSamples, which sizes every array to the output.
    const row0 = ys.lo[oy]! * width, row1 = ys.hi[oy]! * width, fy = ys.frac[oy]!;
    for (let ox = 0; ox < outWidth; ox++) {
      const fx = xs.frac[ox]!;
      const a = (row0 + xs.lo[ox]!) * 4, b = (row0 + xs.hi[ox]!) * 4;
      const c = (row1 + xs.lo[ox]!) * 4, d = (row1 + xs.hi[ox]!) * 4;
      const w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
      const at = oy * canvas.width + ox;
      const px = (k: number): number => data[a + k]! * w00 + data[b + k]! * w01 + data[c + k]! * w10 + data[d + k]! * w11;
      if (channels === 1) {
        tensor[at] = (0.299 * px(0) + 0.587 * px(1) + 0.114 * px(2) - m0) * s0;
      } else {
        tensor[at] = (px(o0) - m0) * s0;
        tensor[plane + at] = (px(o1) - m1) * s1;
        tensor[2 * plane + at] = (px(o2) - m2) * s2;
      }
    }
  }
  return tensor;
}

function channelOffsets(layout: TensorLayout): [number, number, number] {
  return layout.channelOrder === 'bgr' ? [2, 1, 0] : [0, 1, 2];
}

interface AxisSamples {
  lo: Int32Array;
  hi: Int32Array;
  frac: Float32Array;
}

function axisSamples(start: number, length: number, out: number): AxisSamples {
  const lo = new Int32Array(out), hi = new Int32Array(out), frac = new Float32Array(out);
  const ratio = length / out;
  const last = start + length - 1;
  for (let i = 0; i < out; i++) {
    const src = Math.min(Math.max((i + 0.5) * ratio - 0.5, 0), length - 1) + start;
    const floor = Math.floor(src);
    lo[i] = floor;
    hi[i] = Math.min(floor + 1, last);
    frac[i] = src - floor;
  }
  return { lo, hi, frac };
}
