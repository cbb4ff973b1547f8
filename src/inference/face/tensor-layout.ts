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
