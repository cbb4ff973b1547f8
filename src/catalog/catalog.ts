import type { Journey } from '../engine/journey';
import type { ModuleDefinition } from '../engine/module-definition';

/** Loaded, validated journeys and modules. Immutable after boot. */
export class Catalog {
  private readonly latest = new Map<string, Journey>();

  constructor(
    readonly journeys: ReadonlyMap<string, Journey>,
    readonly modules: ReadonlyMap<string, ModuleDefinition>,
  ) {
    for (const journey of journeys.values()) {
      const current = this.latest.get(journey.id);
      if (!current || current.version < journey.version) this.latest.set(journey.id, journey);
    }
  }

  /** `id` names the latest version; `id@version` pins one. Undefined when unknown. */
  resolve(resourceId: string): Journey | undefined {
    const at = resourceId.lastIndexOf('@');
    if (at === -1) return this.latest.get(resourceId);
    return this.journeys.get(resourceId);
  }

  /** The exact pinned version a run was started on. */
  pinned(ref: { id: string; version: number }): Journey | undefined {
    return this.journeys.get(`${ref.id}@${ref.version}`);
  }

  module(id: string): ModuleDefinition {
    const module = this.modules.get(id);
    if (!module) throw new Error(`unknown module ${id}`);
    return module;
  }

  listJourneys(): Journey[] {
    return [...this.journeys.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  }
}
