import type { InferenceSettings } from '../src/inference/inference-settings';

/** A capability value as it appears in a run and in JSON-logic data. */
export type CapabilityValue = string | number | boolean | null | CapabilityValue[] | { [key: string]: CapabilityValue };

export type Capabilities = Record<string, CapabilityValue>;

export interface ModuleRunInput {
  /** Image inputs by the module's input name, as raw bytes (already checked to be a known format). */
  images: Record<string, Uint8Array>;
  /** Non-image inputs by name (JSON values from the run context). */
  values: Record<string, unknown>;
  /** The step's `params` from the journey (module-specific knobs), already schema-checked. */
  params: Record<string, unknown>;
  /**
   * The effective thresholds (module.json defaults with the step's overrides), for handlers whose
   * capabilities depend on them (e.g. facematch's isMatch); the outcome rules read the same values.
   */
  thresholds?: Record<string, number>;
}

export interface ModuleRunResult {
  capabilities: Capabilities;
  /**
   * Why the result is inconclusive, when it is: a stable code (e.g. `FACE_MISSING`) that outcome
   * rules can test as `{"var": "reason"}` and that the run shows to operators.
   */
  reason?: string;
}

/**
 * The code side of a module. Handlers run inside inference worker threads, never on the HTTP
 * event loop. A handler throws ImageInputError for bad images (the step then takes the ERROR
 * outcome with that code, and capabilities fall back to the defaults in module.json); any other
 * throw is treated as transient and the step job is retried.
 */
export interface ModuleHandler {
  readonly id: string;
  /** Loads models once per thread. Throws with an operator-readable message when they are missing. */
  init?(settings: InferenceSettings): Promise<void>;
  /** What the handler runs (model ids, versions, warnings), logged at boot. */
  describe?(): ModuleDescription;
  run(input: ModuleRunInput): Promise<ModuleRunResult>;
}

export interface ModuleDescription {
  models: { id: string; role: string; sha256?: string }[];
  warnings: string[];
}
