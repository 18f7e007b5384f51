-- Free a token's place (waiting) or slot (active). KEYS as in enter.lua.
-- ARGV: 1 token, or '' to look it up by user; 2 user (when ARGV[1] is '')
-- Returns 1 when something was released
local token = ARGV[1]
if token == '' then
  token = redis.call('HGET', KEYS[3], ARGV[2])
  if not token then
    return 0
  end
end
local user = redis.call('HGET', KEYS[4], token)
-- the frozen pre-queue (the shuffle's input) stays as it is: the placement skips a token no one holds
local removed = redis.call('ZREM', KEYS[1], token) + redis.call('ZREM', KEYS[2], token)
    + redis.call('ZREM', KEYS[12], token)
redis.call('ZREM', KEYS[9], token)
redis.call('HDEL', KEYS[4], token)
if user and redis.call('HGET', KEYS[3], user) == token then
  redis.call('HDEL', KEYS[3], user)
end
if removed > 0 then
  return 1
end
return 0
