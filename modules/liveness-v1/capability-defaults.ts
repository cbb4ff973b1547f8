import type { Capabilities } from '../module-handler';
import moduleJson from './module.json';

/**
 * module.json's capability defaults: what the engine reports when the image could not be
 * decoded, and the base every result starts from, so each result carries every capability.
 */
export function defaultCapabilities(): Capabilities {
  return Object.fromEntries(moduleJson.capabilities.map((c) => [c.name, structuredClone(c.default) as Capabilities[string]]));
}
