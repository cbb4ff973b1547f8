import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import { fileSha256 } from './file-sha256';
import { knownModelManifest } from './known-models';
import type { LoadedModel } from './model-manifest';
import { assertModelManifest } from './model-manifest-validator';
import { ModelSetupError } from './model-setup-error';

export const MANIFEST_SUFFIX = '.model.json';

/**
 * Every .onnx model in the operator folder(s), each with its manifest: `<file>.model.json` beside
 * it, else the known-model table by sha256. `dirs` may list several folders separated by the
 * platform's path delimiter (':' on Linux). A folder that does not exist holds no models (the
 * default one is only created when install could download something).
 * Throws ModelSetupError, listing every bad file, when a model has no manifest, an invalid one,
 * or a sha256 other than its manifest says.
 */
export async function scanModelDirectories(dirs: string): Promise<LoadedModel[]> {
  const models: LoadedModel[] = [];
  const problems: string[] = [];
  for (const dir of dirs.split(path.delimiter).filter((d) => d.length > 0)) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.onnx')).sort()) {
      try {
        models.push(await loadOne(path.join(dir, name)));
      } catch (err) {
        problems.push(err instanceof Error ? err.message : String(err));
      }
    }
  }
  if (problems.length > 0) throw new ModelSetupError(`operator models refused:\n- ${problems.join('\n- ')}`);
  return models;
}

async function loadOne(file: string): Promise<LoadedModel> {
  const sha = await fileSha256(file);
  const manifestFile = file + MANIFEST_SUFFIX;
  if (existsSync(manifestFile)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(manifestFile, 'utf8'));
    } catch (err) {
      throw new ModelSetupError(`${manifestFile}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    const manifest = assertModelManifest(parsed, manifestFile);
    if (manifest.sha256 !== sha) throw new ModelSetupError(`${file}: sha256 is ${sha} but ${path.basename(manifestFile)} says ${manifest.sha256}`);
    return { manifest, path: file, manifestSource: 'file' };
  }
  const known = knownModelManifest(sha);
  if (known) return { manifest: known, path: file, manifestSource: 'known-model table' };
  throw new ModelSetupError(
    `${file}: unknown model (sha256 ${sha}) without a manifest; add ${path.basename(manifestFile)} (schema: schemas/model-manifest.schema.json)`,
  );
}
