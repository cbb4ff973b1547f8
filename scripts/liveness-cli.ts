import { readFileSync } from 'fs';
import { ImageInputError } from '../src/inference/image-error';
import { handler } from '../modules/liveness-v1/liveness-v1.handler';
import { defaultCapabilities } from '../modules/liveness-v1/capability-defaults';
import { defaultOutcome } from '../modules/liveness-v1/module-outcome';
import { toolSettings } from '../modules/liveness-v1/tool-settings';

/**
 * npm run liveness -- <image>...
 * Scores each image with liveness-v1 and prints, per image, one JSON object: the capabilities,
 * the reason, and the outcome the module's default rules give. Model choice and warnings go to
 * stderr. Models: LIVENESS_MODELS_DIR (else .models/operator) plus the builtin ones.
 */
async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    console.error('usage: npm run liveness -- <image>...');
    return 2;
  }
  await handler.init?.(toolSettings());
  const description = handler.describe?.();
  console.error(`models: ${description?.models.map((m) => `${m.id} (${m.role})`).join(', ') ?? '?'}`);
  for (const warning of description?.warnings ?? []) console.error(`warning: ${warning}`);

  for (const file of files) {
    try {
      const result = await handler.run({ images: { selfie: readFileSync(file) }, values: {}, params: {} });
      const outcome = defaultOutcome(result.capabilities, result.reason);
      console.log(JSON.stringify({ file, outcome, reason: result.reason ?? null, capabilities: result.capabilities }, null, 2));
    } catch (err) {
      // Bad images are an ERROR outcome with the decoder's code, as in the engine; anything else is a real failure.
      if (!(err instanceof ImageInputError)) throw err;
      console.log(JSON.stringify({ file, outcome: 'ERROR', reason: err.code, message: err.message, capabilities: defaultCapabilities() }, null, 2));
    }
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
