import table from './known-models.json';
import type { ModelManifest } from './model-manifest';
import { assertModelManifest } from './model-manifest-validator';

/**
 * Third-party models this code recognises by sha256 (MiniFASNet pair, YuNet), so that a folder
 * holding only the .onnx files (the read-only shared models, a fresh download) needs no
 * hand-written manifests. Checked against the schema once, when first used.
 */
let bySha: Map<string, ModelManifest> | undefined;

export function knownModelManifest(sha256: string): ModelManifest | undefined {
  bySha ??= new Map(table.models.map((m) => [m.manifest.sha256, assertModelManifest(m.manifest, `known model ${m.file}`)]));
  return bySha.get(sha256);
}
