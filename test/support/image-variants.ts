import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Image edits for test inputs, done with jimp in a plain Node child process: inside jest's VM
 * sandbox jimp is 10-20x slower (43 s instead of 3 s to upscale one photo).
 */
async function edit(jpeg: Buffer, operation: string): Promise<Buffer> {
  const script = `
    const { Jimp } = require('jimp');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const image = await Jimp.fromBuffer(Buffer.concat(chunks));
      ${operation};
      process.stdout.write(await image.getBuffer('image/jpeg', { quality: 85 }));
    });`;
  const child = run(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
  child.child.stdin?.end(jpeg);
  return (await child).stdout;
}

/** Re-encodes a real photo with its brightness scaled (1 = unchanged), to exercise quality outcomes. */
export function withBrightness(jpeg: Buffer, factor: number): Promise<Buffer> {
  return edit(jpeg, `image.brightness(${Number(factor)})`);
}

/** A real photo upscaled to `width` px: slow to decode on purpose (the kill test needs a job still running). */
export function upscaled(jpeg: Buffer, width: number): Promise<Buffer> {
  return edit(jpeg, `image.resize({ w: ${Math.round(width)} })`);
}
