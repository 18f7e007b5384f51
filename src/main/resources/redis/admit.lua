-- One admission round for one concert, atomically: sweep ended ACTIVE tokens, then move the
-- longest-waiting tokens to ACTIVE until maxActive are active. Two runners can never over-admit:
-- Redis runs one script at a time.
-- A WAITING token not looked up (polled) or re-entered for the waiting TTL has been abandoned: it
-- leaves the line here, so nobody's slot is spent on a fan who is gone.
-- KEYS as in enter.lua. ARGV: 1 now (ms), 2 max-active when Redis has none (stored in PostgreSQL, or
-- the configured default), 3 active TTL (ms), 4 concert id,
-- 5 1 to admit, 0 to only sweep, 6 waiting TTL (ms),
-- 7 the concert's inventory this round (Inventory.verdict, D53): OPEN admits; PAUSED admits no one;
--   SOLD_OUT admits no one and marks the room sold out (find.lua and enter.lua then answer SOLD_OUT)
--   until a round finds seats again
-- Returns {admitted, expired, waiting, active}
-- The rules are stated in the domain and spelled here for atomicity (D40): an ACTIVE token ends at
-- its expiry (QueueTicket.stillActive), a fan not seen for the waiting TTL has left
-- (QueueTicket.hasAbandoned), free slots are AdmissionPolicy.freeSlots; contracts.ports.QueueStoreContract
-- holds this script to them.
-- While a pre-queue waits to be placed (or is being placed, D52), only fans ahead of its floor are
-- admitted (SaleOpening.admitsBeforePlacement): never a later arrival before the pre-queue is in line.
local now = tonumber(ARGV[1])

local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for _, token in ipairs(expired) do
  local user = redis.call('HGET', KEYS[4], token)
  redis.call('HDEL', KEYS[4], token)
  if user and redis.call('HGET', KEYS[3], user) == token then
    redis.call('HDEL', KEYS[3], user)
  end
end
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
end

local abandoned = redis.call('ZRANGEBYSCORE', KEYS[9], '-inf', now - tonumber(ARGV[6]))
for _, token in ipairs(abandoned) do
  redis.call('ZREM', KEYS[1], token)
  redis.call('ZREM', KEYS[12], token)
  local user = redis.call('HGET', KEYS[4], token)
  redis.call('HDEL', KEYS[4], token)
  if user and redis.call('HGET', KEYS[3], user) == token then
    redis.call('HDEL', KEYS[3], user)
  end
end
if #abandoned > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[9], '-inf', now - tonumber(ARGV[6]))
end

local admitted = 0
local waiting = redis.call('ZCARD', KEYS[1])
if ARGV[5] == '1' then
  local verdict = ARGV[7] or 'OPEN'
  if verdict == 'SOLD_OUT' then
    redis.call('SET', KEYS[15], now)
  else
    redis.call('DEL', KEYS[15])
  end
  local max = tonumber(redis.call('GET', KEYS[6]) or ARGV[2])
  local free = max - redis.call('ZCARD', KEYS[2])
  if verdict ~= 'OPEN' then
    free = 0
  end
  if free > 0 and waiting > 0 then
    local expires = now + tonumber(ARGV[3])
    local popped
    if redis.call('EXISTS', KEYS[12]) == 1 or redis.call('EXISTS', KEYS[13]) == 1 then
      -- a pre-queue still to be placed: only those ahead of its floor (none if the floor is unknown)
      local floor = redis.call('GET', KEYS[14]) or redis.call('GET', KEYS[16])
      popped = {}
      if floor then
        local ahead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. floor, 'WITHSCORES', 'LIMIT', 0, free)
        for i = 1, #ahead, 2 do
          redis.call('ZREM', KEYS[1], ahead[i])
          popped[#popped + 1] = ahead[i]
          popped[#popped + 1] = ahead[i + 1]
        end
      end
    else
      popped = redis.call('ZPOPMIN', KEYS[1], free)
    end
    local batch = {}
    for i = 1, #popped, 2 do
      redis.call('ZREM', KEYS[9], popped[i])
      batch[#batch + 1] = expires
      batch[#batch + 1] = popped[i]
      if #batch >= 2000 then
        redis.call('ZADD', KEYS[2], unpack(batch))
        batch = {}
      end
    end
    if #batch > 0 then
      redis.call('ZADD', KEYS[2], unpack(batch))
    end
    admitted = #popped / 2
  end

  -- smoothed admissions per second (time-weighted EWMA, 30 s horizon), measured only while people wait
  local last = tonumber(redis.call('HGET', KEYS[7], 't') or '0')
  if waiting > 0 and last > 0 and now > last then
    local dt = (now - last) / 1000
    local rate = tonumber(redis.call('HGET', KEYS[7], 'r') or '0')
    local alpha = 1 - math.exp(-dt / 30)
    rate = alpha * (admitted / dt) + (1 - alpha) * rate
    redis.call('HSET', KEYS[7], 'r', tostring(rate))
  end
  redis.call('HSET', KEYS[7], 't', now)
  waiting = waiting - admitted
end

local active = redis.call('ZCARD', KEYS[2])
if waiting == 0 and active == 0 and redis.call('EXISTS', KEYS[12]) == 0 and redis.call('EXISTS', KEYS[13]) == 0 then
  redis.call('SREM', KEYS[8], ARGV[4])
end
return {admitted, #expired + #abandoned, waiting, active}
