/**
 * What an inference thread needs to know, resolved once by src/config in the main thread and
 * handed to each worker thread as workerData (threads never read process.env themselves).
 */
export interface InferenceSettings {
  /** Operator-supplied ONNX models with manifests (LIVENESS_MODELS_DIR). */
  livenessModelsDir: string;
  /** Models extracted from the pinned npm tarball at install time. */
  builtinModelsDir: string;
  /** Largest accepted image, in pixels, checked before decoding. */
  maxImagePixels: number;
  /** Smallest accepted image side, in pixels. */
  minImageSide: number;
}
