-- Look a token up; a WAITING token's lookup is its heartbeat (see admit.lua). restore.lua is prepended:
-- a verified token from before Redis lost the room is put back in line at its arrival order.
-- KEYS as in enter.lua. ARGV: 1 token, 2 now (ms), 3 max-active when Redis has none, 4 concert id,
-- 5 the token's user, 6 its arrival order, 7 its issue time (ms), 8 restore window (ms)
-- KEYS[17 ..] and ARGV[9 ..]: the call's rate-limit buckets, as in gcra.lua (prepended); a refused
-- call changes nothing
-- Returns nil for an unknown or ended token, else {user, status, position ('' when none yet: in the
-- pre-queue, D52, or SOLD_OUT, D53), expiresAt ms or '', rate, maxActive}
local throttled = gcra(17, 9)
if throttled then
  return throttled
end
local max = tonumber(redis.call('GET', KEYS[6]) or ARGV[3])
local rate = redis.call('HGET', KEYS[7], 'r') or '0'
local user = redis.call('HGET', KEYS[4], ARGV[1])
if not user then
  if restorable(ARGV[5], ARGV[7], ARGV[2], ARGV[8]) then
    return {ARGV[5], 'WAITING', restore(ARGV[1], ARGV[5], ARGV[6], ARGV[2], ARGV[4], ARGV[8]), '', rate, max}
  end
  return nil
end
local rank = redis.call('ZRANK', KEYS[1], ARGV[1])
if rank then
  redis.call('ZADD', KEYS[9], ARGV[2], ARGV[1])
  if redis.call('EXISTS', KEYS[15]) == 1 then
    return {user, 'SOLD_OUT', '', '', rate, max}
  end
  return {user, 'WAITING', rank + 1, '', rate, max}
end
local expires = redis.call('ZSCORE', KEYS[2], ARGV[1])
if expires then
  if tonumber(expires) > tonumber(ARGV[2]) then
    return {user, 'ACTIVE', 0, expires, rate, max}
  end
  return nil
end
-- in the pre-queue, or in the frozen one not yet placed: waiting, no position yet
if redis.call('ZSCORE', KEYS[12], ARGV[1]) or redis.call('ZSCORE', KEYS[13], ARGV[1]) then
  redis.call('ZADD', KEYS[9], ARGV[2], ARGV[1])
  return {user, 'WAITING', '', '', rate, max}
end
return nil
