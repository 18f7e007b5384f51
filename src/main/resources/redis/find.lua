-- Look a token up; a WAITING token's lookup is its heartbeat (see admit.lua).
-- KEYS as in enter.lua. ARGV: 1 token, 2 now (ms), 3 default max-active
-- Returns nil for an unknown or ended token, else {user, status, position, expiresAt ms or '', rate, maxActive}
local user = redis.call('HGET', KEYS[4], ARGV[1])
if not user then
  return nil
end
local max = tonumber(redis.call('GET', KEYS[6]) or ARGV[3])
local rate = redis.call('HGET', KEYS[7], 'r') or '0'
local rank = redis.call('ZRANK', KEYS[1], ARGV[1])
if rank then
  redis.call('ZADD', KEYS[9], ARGV[2], ARGV[1])
  return {user, 'WAITING', rank + 1, '', rate, max}
end
local expires = redis.call('ZSCORE', KEYS[2], ARGV[1])
if expires and tonumber(expires) > tonumber(ARGV[2]) then
  return {user, 'ACTIVE', 0, expires, rate, max}
end
return nil
