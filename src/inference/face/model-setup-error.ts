/**
 * A model is missing, altered or badly described. Thrown from init(), so boot stops with a
 * message an operator can act on; never thrown while scoring an image.
 */
export class ModelSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelSetupError';
  }
}
