import { createHash } from 'crypto';
import { createReadStream } from 'fs';

/** sha256 of a file, lower-case hex, streamed (models are megabytes; no need to hold them twice). */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
