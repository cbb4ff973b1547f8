import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Writes a Y4M clip (what Chrome's --use-file-for-fake-video-capture reads) of one photo,
 * cover-resized to width x height, BT.601 4:2:0, a few identical frames. Done in a plain Node
 * child process with jimp (10-20x slower inside jest's VM), so no ffmpeg is needed.
 */
export async function writeFaceY4m(imagePath: string, outPath: string, width = 640, height = 480, frames = 3): Promise<void> {
  const script = `
    const { Jimp } = require('jimp');
    const fs = require('fs');
    (async () => {
      const [src, out, W, H, N] = process.argv.slice(1);
      const w = Number(W), h = Number(H);
      const image = await Jimp.read(src);
      image.cover({ w, h });
      const d = image.bitmap.data;
      const Y = Buffer.alloc(w * h), U = Buffer.alloc((w / 2) * (h / 2)), V = Buffer.alloc((w / 2) * (h / 2));
      const clamp = (v) => Math.max(0, Math.min(255, Math.round(v)));
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 4;
        Y[y * w + x] = clamp(16 + 0.257 * d[i] + 0.504 * d[i + 1] + 0.098 * d[i + 2]);
      }
      for (let y = 0; y < h / 2; y++) for (let x = 0; x < w / 2; x++) {
        let r = 0, g = 0, b = 0;
        for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) { const i = ((2 * y + dy) * w + 2 * x + dx) * 4; r += d[i]; g += d[i + 1]; b += d[i + 2]; }
        r /= 4; g /= 4; b /= 4;
        U[y * (w / 2) + x] = clamp(128 - 0.148 * r - 0.291 * g + 0.439 * b);
        V[y * (w / 2) + x] = clamp(128 + 0.439 * r - 0.368 * g - 0.071 * b);
      }
      const parts = [Buffer.from('YUV4MPEG2 W' + w + ' H' + h + ' F30:1 Ip A1:1 C420jpeg\\n')];
      for (let n = 0; n < Number(N); n++) parts.push(Buffer.from('FRAME\\n'), Y, U, V);
      fs.writeFileSync(out, Buffer.concat(parts));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  await run(process.execPath, ['-e', script, imagePath, outPath, String(width), String(height), String(frames)], { cwd: ROOT });
}
