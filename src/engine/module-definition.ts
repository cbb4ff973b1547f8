import type { Outcome } from './outcome';

/** A JSON-logic expression (json-logic-js). */
export type JsonLogic = unknown;

/** One outcome rule: the first rule whose `when` is truthy decides the outcome. */
export interface OutcomeRule {
  outcome: Outcome;
  when: JsonLogic;
  description?: string;
}

export interface ModuleInputSpec {
  name: string;
  type: 'image' | 'string' | 'number' | 'boolean' | 'object';
  required: boolean;
  description: string;
}

export interface CapabilitySpec {
  name: string;
  type: 'integer' | 'number' | 'boolean' | 'string' | 'object' | 'array';
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  default: unknown;
  description: string;
}

/** modules/<id>/module.json: what a module takes, what it emits, and its default outcome rules. */
export interface ModuleDefinition {
  id: string;
  version: string;
  title: string;
  description: string;
  inputs: ModuleInputSpec[];
  capabilities: CapabilitySpec[];
  /** JSON Schema for the step `params` this module accepts. */
  params?: Record<string, unknown>;
  /** Default thresholds the rules read as `{"var": "thresholds.<name>"}`; steps may override them. */
  thresholds?: Record<string, number>;
  outcomes: OutcomeRule[];
}
