import { existsSync } from 'fs';
import * as path from 'path';

/**
 * The repository root, found by walking up to package.json: this file runs both from src/ (ts-jest)
 * and from dist/src/ (compiled), at different depths.
 */
export function repoRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** Where scripts/install-models.cjs extracts the pinned npm models (git-ignored). */
export function defaultBuiltinModelsDir(): string {
  return path.join(repoRoot(), '.models', 'builtin');
}

/** Default operator model folder, where install also tries to put the MiniFASNet pair (git-ignored). */
export function defaultOperatorModelsDir(): string {
  return path.join(repoRoot(), '.models', 'operator');
}
