-- Enter a concert's waiting room, atomically (gcra.lua and restore.lua are prepended).
-- KEYS: 1 waiting zset (score = arrival order), 2 active zset, 3 user->token hash, 4 token->user hash,
--       5 since (ms this Redis state of the room began), 6 max-active, 7 rate hash, 8 registry set,
--       9 last-seen zset of WAITING tokens (score = ms), 10 max-active version, 11 users restored once
-- ARGV: 1 user, 2 candidate token, 3 now (ms), 4 max-active when Redis has none (stored in PostgreSQL,
--       or the configured default), 5 active TTL (ms), 6 concert id, 7 candidate's arrival order,
--       8 the token the fan presents ('' if none; verified by the app), 9 its arrival order,
--       10 its issue time (ms), 11 restore window (ms)
-- KEYS[12 ..] and ARGV[12 ..]: the call's rate-limit buckets, as in gcra.lua (prepended); a refused
-- call changes nothing
-- Returns {token, created 0|1, status, position, expiresAt ms or '', rate, maxActive}
-- Rules stated in the domain (D40): QueueTicket.stillActive, AdmissionPolicy.admitsOnArrival.
local throttled = gcra(12, 12)
if throttled then
  return throttled
end
local now = tonumber(ARGV[3])
local max = tonumber(redis.call('GET', KEYS[6]) or ARGV[4])
local rate = redis.call('HGET', KEYS[7], 'r') or '0'
since(ARGV[3])

local existing = redis.call('HGET', KEYS[3], ARGV[1])
-- a returning fan whose token Redis lost takes their place back
if ARGV[8] ~= '' and ARGV[8] ~= existing and redis.call('HEXISTS', KEYS[4], ARGV[8]) == 0
    and restorable(ARGV[1], ARGV[10], ARGV[3], ARGV[11]) then
  restore(ARGV[8], ARGV[1], ARGV[9], ARGV[3], ARGV[6], ARGV[11])
  existing = ARGV[8]
end
if existing then
  local rank = redis.call('ZRANK', KEYS[1], existing)
  if rank then
    redis.call('ZADD', KEYS[9], now, existing)
    return {existing, 0, 'WAITING', rank + 1, '', rate, max}
  end
  local expires = redis.call('ZSCORE', KEYS[2], existing)
  if expires and tonumber(expires) > now then
    return {existing, 0, 'ACTIVE', 0, expires, rate, max}
  end
  -- the old token ended (expired, not yet swept): forget it and start again
  redis.call('ZREM', KEYS[2], existing)
  redis.call('HDEL', KEYS[4], existing)
end

local token = ARGV[2]
redis.call('HSET', KEYS[3], ARGV[1], token)
redis.call('HSET', KEYS[4], token, ARGV[1])
redis.call('SADD', KEYS[8], ARGV[6])

-- nobody is waiting and a slot is free: come straight in (FIFO still holds)
if redis.call('ZCARD', KEYS[1]) == 0 and redis.call('ZCOUNT', KEYS[2], '(' .. now, '+inf') < max then
  local expires = now + tonumber(ARGV[5])
  redis.call('ZADD', KEYS[2], expires, token)
  return {token, 1, 'ACTIVE', 0, tostring(expires), rate, max}
end

redis.call('ZADD', KEYS[1], ARGV[7], token)
redis.call('ZADD', KEYS[9], now, token)
return {token, 1, 'WAITING', redis.call('ZRANK', KEYS[1], token) + 1, '', rate, max}
