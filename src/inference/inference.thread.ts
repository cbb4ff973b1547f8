import { parentPort, workerData } from 'node:worker_threads';
import { MODULE_REGISTRY } from '../../modules';
import type { ModuleHandler } from '../../modules/module-handler';
import { ImageInputError } from './image-error';
import type { InferenceSettings } from './inference-settings';
import type { ThreadReply, ThreadRequest } from './inference-protocol';

/**
 * Entry point of an inference worker thread. Each thread loads each handler (and so each ONNX
 * session) once and keeps it: sessions are not shared across threads.
 */
const settings = workerData as InferenceSettings;
const handlers = new Map<string, Promise<ModuleHandler>>();

function handlerFor(moduleId: string): Promise<ModuleHandler> {
  let pending = handlers.get(moduleId);
  if (!pending) {
    const load = MODULE_REGISTRY[moduleId];
    if (!load) throw new Error(`no handler registered for module ${moduleId}`);
    pending = load().then(async (handler) => {
      await handler.init?.(settings);
      return handler;
    });
    // A failed init must not be cached forever: the next task retries it.
    pending.catch(() => handlers.delete(moduleId));
    handlers.set(moduleId, pending);
  }
  return pending;
}

async function handle(request: ThreadRequest): Promise<ThreadReply> {
  try {
    if (request.kind === 'warmup') {
      const descriptions: Record<string, ReturnType<NonNullable<ModuleHandler['describe']>>> = {};
      for (const id of request.moduleIds) {
        const handler = await handlerFor(id);
        descriptions[id] = handler.describe?.() ?? { models: [], warnings: [] };
      }
      return { kind: 'warmed', taskId: request.taskId, descriptions };
    }
    const handler = await handlerFor(request.moduleId);
    const result = await handler.run(request.input);
    return { kind: 'result', taskId: request.taskId, result };
  } catch (err) {
    if (err instanceof ImageInputError) return { kind: 'input-error', taskId: request.taskId, code: err.code, message: err.message };
    return { kind: 'failure', taskId: request.taskId, message: err instanceof Error ? err.message : String(err) };
  }
}

parentPort?.on('message', (request: ThreadRequest) => {
  void handle(request).then((reply) => parentPort?.postMessage(reply));
});
