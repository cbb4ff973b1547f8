import * as path from 'path';
import { projectRoot } from '../../config/project-root';

/** Where scripts/install-models.cjs extracts the pinned npm models (git-ignored). */
export function defaultBuiltinModelsDir(): string {
  return path.join(projectRoot(), '.models', 'builtin');
}

/** Default operator model folder, where install also tries to put the MiniFASNet pair (git-ignored). */
export function defaultOperatorModelsDir(): string {
  return path.join(projectRoot(), '.models', 'operator');
}
