-- Enter a concert's waiting room, atomically (gcra.lua and restore.lua are prepended).
-- KEYS: 1 waiting zset (score = arrival order), 2 active zset, 3 user->token hash, 4 token->user hash,
--       5 since (ms this Redis state of the room began), 6 max-active, 7 rate hash, 8 registry set,
--       9 last-seen zset of WAITING tokens (score = ms), 10 max-active version, 11 users restored once,
--       12 pre-queue zset (score = arrival order), 13 frozen pre-queue (the shuffle's input, D52),
--       14 opened (the floor, set when the pre-queue is frozen), 15 sold out (set by admit.lua, D53),
--       16 the pre-queue's floor (the lowest one an entry was pre-queued by: admit.lua's bound while
--       the pre-queue waits to be placed, safe also when the opening time was moved)
-- ARGV: 1 user, 2 candidate token, 3 now (ms), 4 max-active when Redis has none (stored in PostgreSQL,
--       or the configured default), 5 active TTL (ms), 6 concert id, 7 candidate's arrival order,
--       8 the token the fan presents ('' if none; verified by the app), 9 its arrival order,
--       10 its issue time (ms), 11 restore window (ms),
--       12 the floor: the concert's opensAt in arrival-order units (ms × 1000), '' when it has none
-- KEYS[17 ..] and ARGV[13 ..]: the call's rate-limit buckets, as in gcra.lua (prepended); a refused
-- call changes nothing
-- Returns {token, created 0|1, status, position ('' when none yet), expiresAt ms or '', rate, maxActive}
-- Rules stated in the domain (D40): QueueTicket.stillActive, AdmissionPolicy.admitsOnArrival,
-- SaleOpening.preQueues and SaleOpening.laterArrival.
local throttled = gcra(17, 13)
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
    if redis.call('EXISTS', KEYS[15]) == 1 then
      return {existing, 0, 'SOLD_OUT', '', '', rate, max}
    end
    return {existing, 0, 'WAITING', rank + 1, '', rate, max}
  end
  local expires = redis.call('ZSCORE', KEYS[2], existing)
  if expires and tonumber(expires) > now then
    return {existing, 0, 'ACTIVE', 0, expires, rate, max}
  end
  if not expires and (redis.call('ZSCORE', KEYS[12], existing) or redis.call('ZSCORE', KEYS[13], existing)) then
    redis.call('ZADD', KEYS[9], now, existing)
    return {existing, 0, 'WAITING', '', '', rate, max}
  end
  -- the old token ended (expired, not yet swept): forget it and start again
  redis.call('ZREM', KEYS[2], existing)
  redis.call('HDEL', KEYS[4], existing)
end

local token = ARGV[2]
redis.call('HSET', KEYS[3], ARGV[1], token)
redis.call('HSET', KEYS[4], token, ARGV[1])
redis.call('SADD', KEYS[8], ARGV[6])

-- before the sale opens: the pre-queue, no position (SaleOpening.preQueues)
local opened = redis.call('GET', KEYS[14])
if not opened and ARGV[12] ~= '' and now * 1000 < tonumber(ARGV[12]) then
  redis.call('ZADD', KEYS[12], ARGV[7], token)
  local known = redis.call('GET', KEYS[16])
  if not known or tonumber(ARGV[12]) < tonumber(known) then
    redis.call('SET', KEYS[16], ARGV[12])
  end
  redis.call('ZADD', KEYS[9], now, token)
  return {token, 1, 'WAITING', '', '', rate, max}
end

-- once it opened: never below the floor, so behind the whole pre-queue (SaleOpening.laterArrival)
local order = ARGV[7]
local floor = opened or (ARGV[12] ~= '' and ARGV[12]) or nil
if floor and tonumber(order) < tonumber(floor) then
  order = floor
end
local soldOut = redis.call('EXISTS', KEYS[15]) == 1

-- nobody is waiting (nor to be placed) and a slot is free: come straight in (FIFO still holds)
if not soldOut and redis.call('ZCARD', KEYS[1]) == 0 and redis.call('EXISTS', KEYS[12]) == 0
    and redis.call('EXISTS', KEYS[13]) == 0
    and redis.call('ZCOUNT', KEYS[2], '(' .. now, '+inf') < max then
  local expires = now + tonumber(ARGV[5])
  redis.call('ZADD', KEYS[2], expires, token)
  return {token, 1, 'ACTIVE', 0, tostring(expires), rate, max}
end

redis.call('ZADD', KEYS[1], order, token)
redis.call('ZADD', KEYS[9], now, token)
if soldOut then
  return {token, 1, 'SOLD_OUT', '', '', rate, max}
end
return {token, 1, 'WAITING', redis.call('ZRANK', KEYS[1], token) + 1, '', rate, max}
