import type { ModuleDescription, ModuleRunInput, ModuleRunResult } from '../../modules/module-handler';

/** Messages between the inference pool (main thread) and its worker threads. */
export type ThreadRequest =
  | { kind: 'run'; taskId: number; moduleId: string; input: ModuleRunInput }
  | { kind: 'warmup'; taskId: number; moduleIds: string[] };

export type ThreadReply =
  | { kind: 'result'; taskId: number; result: ModuleRunResult }
  | { kind: 'warmed'; taskId: number; descriptions: Record<string, ModuleDescription> }
  /** Bad input (ImageInputError): the step takes the ERROR outcome with this code. */
  | { kind: 'input-error'; taskId: number; code: string; message: string }
  /** Anything else: transient as far as the caller knows; the job is retried. */
  | { kind: 'failure'; taskId: number; message: string };

/** What a caller of the pool gets back for one module run. */
export type InferenceOutcome =
  | { kind: 'result'; result: ModuleRunResult }
  | { kind: 'input-error'; code: string; message: string };
