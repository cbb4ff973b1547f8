import type Redis from 'ioredis';
import type { CaptureKeys } from './capture-keys';

const BANDS = 8;

/**
 * Near-duplicate lookup over every earlier capture's 64-bit pHash, atomically with adding this
 * one. The hash is split into 8 bytes ("bands"); each band value keys a set of "<phash>:<session>".
 * Two hashes within 7 bits differ in at most 7 bands, so they share at least one band exactly
 * (pigeonhole): looking only at the 8 matching sets finds every match up to 7 bits while reading
 * about 8/256 of the index. Hamming distances are computed in Lua on hex nibbles.
 */
const NEAREST_AND_ADD = `
local popcount = {[0]=0,1,1,2,1,2,2,3,1,2,2,3,2,3,3,4}
local hash, member, session, ttl = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local best, bestSession = 65, ''
for i = 1, #KEYS do
  for _, m in ipairs(redis.call('SMEMBERS', KEYS[i])) do
    local other = string.sub(m, 18)
    if other ~= session then
      local d = 0
      for j = 1, 16 do
        d = d + popcount[bit.bxor(tonumber(string.sub(hash, j, j), 16), tonumber(string.sub(m, j, j), 16))]
      end
      if d < best then best, bestSession = d, other end
    end
  end
end
for i = 1, #KEYS do
  redis.call('SADD', KEYS[i], member)
  redis.call('EXPIRE', KEYS[i], ttl)
end
return {best, bestSession}
`;

export interface NearestCapture {
  distance: number;
  sessionId: string;
}

/** The exact-hash and perceptual-hash memory of earlier captures, for the duplicate checks. */
export class CaptureFingerprintIndex {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CaptureKeys,
    private readonly retentionSeconds: number,
  ) {}

  /** Claims a SHA-256 for a session; returns the session that claimed it first when that was another one. */
  async claimExact(sha256: string, sessionId: string): Promise<string | null> {
    const key = this.keys.exactHash(sha256);
    const set = await this.redis.set(key, sessionId, 'EX', this.retentionSeconds, 'NX');
    if (set === 'OK') return null;
    const first = await this.redis.get(key);
    return first !== null && first !== sessionId ? first : null;
  }

  /** Adds the pHash and returns the closest earlier capture of another session (null when none shares a band). */
  async nearestAndAdd(phash: string, sessionId: string): Promise<NearestCapture | null> {
    if (!/^[0-9a-f]{16}$/.test(phash)) throw new Error(`not a 64-bit hex pHash: ${phash}`);
    const keys = Array.from({ length: BANDS }, (_, band) => this.keys.phashBand(band, phash.slice(band * 2, band * 2 + 2)));
    const reply = (await this.redis.eval(NEAREST_AND_ADD, keys.length, ...keys, phash, `${phash}:${sessionId}`, sessionId, String(this.retentionSeconds))) as [number, string];
    return reply[0] <= 64 ? { distance: reply[0], sessionId: reply[1] } : null;
  }
}
