import Ajv from 'ajv';
import schema from '../../../schemas/model-manifest.schema.json';
import type { ModelManifest } from './model-manifest';
import { ModelSetupError } from './model-setup-error';

// The published schema is the single definition: operators' editors and this check read the same file.
const validate = new Ajv({ allErrors: true, strict: false }).compile<ModelManifest>(schema);

/** Checks a parsed manifest against schemas/model-manifest.schema.json, listing every problem at once. */
export function assertModelManifest(value: unknown, where: string): ModelManifest {
  if (validate(value)) return value;
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  throw new ModelSetupError(`${where}: invalid model manifest (schemas/model-manifest.schema.json): ${problems.join('; ')}`);
}
