import * as ort from 'onnxruntime-node';

/**
 * One InferenceSession per model file per thread, created on first use and kept for the life of
 * the thread. Threads are the unit of parallelism (one worker thread per core), so each session
 * gets one intra-op and one inter-op thread: onnxruntime's default of one thread per core would
 * make N workers fight over N cores with N x N threads.
 */
const sessions = new Map<string, Promise<ort.InferenceSession>>();

export const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
};

export function loadSession(modelPath: string): Promise<ort.InferenceSession> {
  let session = sessions.get(modelPath);
  if (!session) {
    session = ort.InferenceSession.create(modelPath, SESSION_OPTIONS);
    // A failed load must not be cached: the next init() should try again and report again.
    session.catch(() => sessions.delete(modelPath));
    sessions.set(modelPath, session);
  }
  return session;
}

/** Runs a single-input model and returns its outputs by name. */
export async function runSingleInput(
  session: ort.InferenceSession,
  data: Float32Array,
  dims: readonly number[],
): Promise<ort.InferenceSession.OnnxValueMapType> {
  const inputName = session.inputNames[0];
  if (inputName === undefined) throw new Error('the model declares no input');
  return session.run({ [inputName]: new ort.Tensor('float32', data, dims) });
}

export function outputData(outputs: ort.InferenceSession.OnnxValueMapType, name: string): Float32Array {
  const tensor = outputs[name];
  // Checked by type name, not instanceof: under jest the native binding's arrays come from
  // another realm, where instanceof Float32Array is false.
  if (!tensor || tensor.type !== 'float32') throw new Error(`the model has no float32 output "${name}"`);
  return tensor.data as Float32Array;
}
