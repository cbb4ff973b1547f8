import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The labelled evaluation images (../shared/eval beside the repository, or EVAL_DIR). */
export const EVAL_DIR = path.resolve(process.env.EVAL_DIR ?? path.join(__dirname, '..', '..', '..', 'shared', 'eval'));

export const evalAvailable = existsSync(path.join(EVAL_DIR, 'manifest.csv'));

if (!evalAvailable) {
  // Visible, not silent: tests that need real images are skipped with this reason.
  process.stdout.write(`SKIP: evaluation images not found at ${EVAL_DIR} (set EVAL_DIR); tests needing real images are skipped\n`);
}

export function evalImage(relative: string): Buffer {
  return readFileSync(path.join(EVAL_DIR, relative));
}

/** `describe` when the images exist, `describe.skip` otherwise. */
export const describeWithImages = evalAvailable ? describe : describe.skip;
