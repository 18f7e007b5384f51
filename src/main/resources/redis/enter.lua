-- Enter a concert's waiting room, atomically.
-- KEYS: 1 waiting zset, 2 active zset, 3 user->token hash, 4 token->user hash, 5 sequence, 6 max-active, 7 rate hash,
--       8 registry set, 9 last-seen zset of WAITING tokens (score = ms)
-- ARGV: 1 user, 2 candidate token, 3 now (ms), 4 default max-active, 5 active TTL (ms), 6 concert id
-- Returns {token, created 0|1, status, position, expiresAt ms or '', rate, maxActive}
local now = tonumber(ARGV[3])
local max = tonumber(redis.call('GET', KEYS[6]) or ARGV[4])
local rate = redis.call('HGET', KEYS[7], 'r') or '0'

local existing = redis.call('HGET', KEYS[3], ARGV[1])
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

local seq = redis.call('INCR', KEYS[5])
redis.call('ZADD', KEYS[1], seq, token)
redis.call('ZADD', KEYS[9], now, token)
return {token, 1, 'WAITING', redis.call('ZRANK', KEYS[1], token) + 1, '', rate, max}
