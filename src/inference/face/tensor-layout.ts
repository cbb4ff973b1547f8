/**
 * How a model wants its pixels: channel order, and value = (pixel - mean[c]) / std[c] on the
 * raw 0-255 value. Declared per model in its manifest, because getting it wrong does not crash:
 * it silently ruins the scores.
 */
export interface TensorLayout {
  channelOrder: 'rgb' | 'bgr' | 'gray';
  mean: readonly number[];
  std: readonly number[];
}

/** Raw 0-255 values, no normalisation (MiniFASNet, fr_liveness). */
export const RAW_255 = { mean: [0, 0, 0], std: [1, 1, 1] } as const;
