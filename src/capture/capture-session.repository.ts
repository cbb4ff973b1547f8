import type Redis from 'ioredis';
import type { CaptureKeys } from './capture-keys';
import type { CaptureSession, ConsumeResult } from './capture-session';

/** Kept after expiry so a late submission hears "expired" (a clear 4xx), not "unknown". */
const RECORD_GRACE_SECONDS = 24 * 3600;

/**
 * One-shot consume: check the session is open and unexpired, mark it used and hand out (and
 * delete) its private key, all in one script, so of two concurrent submissions exactly one can
 * ever decrypt. Returns {status} or {"ok", privateKey}.
 */
const CONSUME = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'unknown'} end
if redis.call('HGET', KEYS[1], 'state') == 'used' then return {'used'} end
local expires = tonumber(redis.call('HGET', KEYS[1], 'expiresAtMs'))
local key = redis.call('GET', KEYS[2])
if (not key) or tonumber(ARGV[1]) > expires then
  redis.call('DEL', KEYS[2])
  return {'expired'}
end
redis.call('HSET', KEYS[1], 'state', 'used', 'usedAtMs', ARGV[1])
redis.call('DEL', KEYS[2])
return {'ok', key}
`;

/** Capture sessions in Redis: the public record (hash) and the private key (its own key, its own TTL). */
export class CaptureSessionRepository {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CaptureKeys,
  ) {}

  async create(session: CaptureSession, privateKey: string): Promise<void> {
    const ttlMs = session.expiresAtMs - session.createdAtMs;
    await this.redis
      .multi()
      .hset(this.keys.session(session.id), toHash(session))
      .pexpire(this.keys.session(session.id), ttlMs + RECORD_GRACE_SECONDS * 1000)
      .set(this.keys.privateKey(session.id), privateKey, 'PX', ttlMs)
      .exec();
  }

  async get(sessionId: string): Promise<CaptureSession | null> {
    const hash = await this.redis.hgetall(this.keys.session(sessionId));
    return Object.keys(hash).length === 0 ? null : fromHash(hash);
  }

  async consume(sessionId: string, nowMs: number): Promise<ConsumeResult> {
    const reply = (await this.redis.eval(CONSUME, 2, this.keys.session(sessionId), this.keys.privateKey(sessionId), String(nowMs))) as string[];
    const status = reply[0];
    if (status === 'unknown') return { kind: 'unknown' };
    const session = await this.get(sessionId);
    if (!session) return { kind: 'unknown' };
    if (status === 'ok' && reply[1]) return { kind: 'ok', session, privateKey: reply[1] };
    return status === 'used' ? { kind: 'used', session } : { kind: 'expired', session };
  }

  /** Records the run a session's capture created (first one only: replays do not overwrite it). */
  async setRun(sessionId: string, runId: string): Promise<void> {
    await this.redis.hsetnx(this.keys.session(sessionId), 'runId', runId);
  }
}

function toHash(s: CaptureSession): Record<string, string> {
  const hash: Record<string, string> = {};
  for (const [k, v] of Object.entries(s)) if (v !== null) hash[k] = String(v);
  return hash;
}

function fromHash(h: Record<string, string>): CaptureSession {
  return {
    id: h.id ?? '',
    tokenHash: h.tokenHash ?? '',
    journeyId: h.journeyId ?? '',
    resourceId: h.resourceId ?? '',
    integrationId: h.integrationId ?? null,
    subjectReference: h.subjectReference ?? null,
    callbackUrl: h.callbackUrl ?? null,
    vendorData: h.vendorData ?? null,
    nonce: h.nonce ?? '',
    publicKey: h.publicKey ?? '',
    createdAtMs: Number(h.createdAtMs),
    expiresAtMs: Number(h.expiresAtMs),
    state: h.state === 'used' ? 'used' : 'open',
    runId: h.runId ?? null,
  };
}
