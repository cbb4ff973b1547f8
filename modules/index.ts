import type { ModuleHandler } from './module-handler';

/**
 * The one registry of module code. Loaders are lazy so that the HTTP process, which only needs
 * the ids, never loads onnxruntime; inference threads load the handlers they run.
 * Boot fails when these ids and the modules/<id>/ folders disagree.
 */
export const MODULE_REGISTRY: Readonly<Record<string, () => Promise<ModuleHandler>>> = {
  'image-quality': async () => (await import('./image-quality/image-quality.handler')).handler,
  'facematch-v1': async () => (await import('./facematch-v1/facematch-v1.handler')).handler,
  'liveness-v1': async () => (await import('./liveness-v1/liveness-v1.handler')).handler,
  'liveness-iad': async () => (await import('./liveness-iad/liveness-iad.handler')).handler,
};

export const REGISTERED_MODULE_IDS: readonly string[] = Object.keys(MODULE_REGISTRY);
