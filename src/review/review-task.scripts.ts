/**
 * Atomic task transitions. Claim, release and decide each read and write the task hash in one
 * Lua script, so two reviewers (or a reviewer and a queue consumer) can never both win a task.
 * Times are milliseconds passed in by the caller; all processes share one clock source (NTP).
 */

/** KEYS: task, open, openByJourney, journeys. ARGV: taskId, createdAt, journeyId, field/value pairs… Returns 1 if created. */
export const CREATE_TASK = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 4, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[3])
return 1
`;

/**
 * KEYS: task. ARGV: owner, reviewer, integration, newLeaseId, now, leaseMs.
 * A live claim by the same owner is renewed (same lease id); a lapsed one is taken over.
 */
export const CLAIM_TASK = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'not-found'} end
local t = redis.call('HMGET', KEYS[1], 'state', 'owner', 'leaseId', 'leaseExpiresAt')
local now = tonumber(ARGV[5])
if t[1] == 'decided' or t[1] == 'expired' then return {'already-decided', t[1]} end
local live = t[1] == 'claimed' and tonumber(t[4] or '0') > now
if live and t[2] ~= ARGV[1] then return {'claimed-by-other', t[2], t[4]} end
local lease = ARGV[4]
if live then lease = t[3] else redis.call('HSET', KEYS[1], 'claimedAt', ARGV[5]) end
local expires = tostring(now + tonumber(ARGV[6]))
redis.call('HSET', KEYS[1], 'state', 'claimed', 'owner', ARGV[1], 'reviewer', ARGV[2], 'integration', ARGV[3], 'leaseId', lease, 'leaseExpiresAt', expires)
return {'ok', lease, expires}
`;

/** KEYS: task. ARGV: owner, leaseId, now. Gives a live claim back to the pool. */
export const RELEASE_TASK = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'not-found'} end
local t = redis.call('HMGET', KEYS[1], 'state', 'owner', 'leaseId', 'leaseExpiresAt')
if t[1] == 'decided' or t[1] == 'expired' then return {'already-decided', t[1]} end
if t[1] ~= 'claimed' or t[3] ~= ARGV[2] or t[2] ~= ARGV[1] then return {'not-claimed'} end
redis.call('HSET', KEYS[1], 'state', 'open', 'leaseId', '', 'leaseExpiresAt', '0')
return {'ok'}
`;

/**
 * KEYS: task, open, openByJourney, applying. ARGV: mode ('lease' | 'any'), owner, leaseId, now,
 * finalState, decisionJson, ttlSeconds, taskId.
 * 'lease' (REST/page) needs the caller's live lease; 'any' (queue consumer, expiry) only needs
 * the task undecided. The winner marks the task decided and puts it in `applying` until the run
 * commit is done, so a crash between the two is repaired by the sweeper.
 */
export const DECIDE_TASK = `
if redis.call('EXISTS', KEYS[1]) == 0 then return {'not-found'} end
local t = redis.call('HMGET', KEYS[1], 'state', 'owner', 'leaseId', 'leaseExpiresAt')
local now = tonumber(ARGV[4])
if t[1] == 'decided' or t[1] == 'expired' then return {'already-decided', t[1]} end
if ARGV[1] == 'lease' then
  local live = t[1] == 'claimed' and tonumber(t[4] or '0') > now
  local mine = ARGV[3] ~= '' and t[3] == ARGV[3] and t[2] == ARGV[2]
  if not mine then
    if live then return {'claimed-by-other', t[2], t[4]} end
    return {'not-claimed'}
  end
  if not live then return {'lease-expired', t[4]} end
end
redis.call('HSET', KEYS[1], 'state', ARGV[5], 'decision', ARGV[6], 'decidedAt', ARGV[4])
redis.call('ZREM', KEYS[2], ARGV[8])
redis.call('ZREM', KEYS[3], ARGV[8])
redis.call('SADD', KEYS[4], ARGV[8])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[7]))
return {'ok'}
`;

/** KEYS: task. ARGV: now. Returns a lapsed claim to the pool (the sweep; reads also treat it as open). */
export const RETURN_LAPSED_LEASE = `
local t = redis.call('HMGET', KEYS[1], 'state', 'leaseExpiresAt')
if t[1] == 'claimed' and tonumber(t[2] or '0') <= tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'state', 'open')
  return 1
end
return 0
`;
