-- Shared by enter.lua and find.lua (prepended to each): putting a fan back in line after Redis lost
-- the room (decisions D33). The app has verified the token's signature, so its user, arrival order
-- and issue time are the token's own. KEYS as in enter.lua: KEYS[5] holds when this Redis state of
-- the room began (ms), KEYS[11] the users who came back once since.

-- When the room's state began in this Redis: set by the first entry or restore after a loss.
local function since(now)
  local began = redis.call('GET', KEYS[5])
  if began then
    return tonumber(began)
  end
  redis.call('SET', KEYS[5], now)
  return tonumber(now)
end

-- A token this Redis does not know may come back once per user: only one issued before the room's
-- state began here (the store lost it), and within the restore window (QueueToken.isRestorable,
-- D40). A token that ended in this state (left, paid, expired, abandoned) was issued after `since`
-- and stays ended.
local function restorable(user, issued, now, window)
  if tonumber(issued) >= since(now) then
    return false
  end
  if tonumber(now) - tonumber(issued) > tonumber(window) then
    return false
  end
  return redis.call('SISMEMBER', KEYS[11], user) == 0
end

-- Back in line at its own arrival order (so ahead of everyone who arrived later, newcomers after the
-- loss included); a token the user got from this Redis meanwhile gives way. Returns the position.
local function restore(token, user, arrival, now, concert, window)
  local live = redis.call('HGET', KEYS[3], user)
  if live then
    redis.call('ZREM', KEYS[1], live)
    redis.call('ZREM', KEYS[2], live)
    redis.call('ZREM', KEYS[9], live)
    redis.call('HDEL', KEYS[4], live)
  end
  redis.call('SADD', KEYS[11], user)
  redis.call('PEXPIRE', KEYS[11], window)
  redis.call('HSET', KEYS[3], user, token)
  redis.call('HSET', KEYS[4], token, user)
  redis.call('ZADD', KEYS[1], arrival, token)
  redis.call('ZADD', KEYS[9], now, token)
  redis.call('SADD', KEYS[8], concert)
  return redis.call('ZRANK', KEYS[1], token) + 1
end
