-- GCRA (generic cell rate algorithm) over buckets, all or nothing (decisions D30). Prepended to
-- rate-limit.lua and to the scripts that count their own calls (enter.lua, find.lua), so a call is
-- checked, counted and served in one round trip.
-- A bucket stores its theoretical arrival time (TAT, µs); a call is allowed while
-- TAT - now <= (burst - 1) * interval, and moves TAT one interval on. Time is Redis' own clock,
-- the same for every instance of the service.
-- The buckets are KEYS[first_key ..], with per bucket, in KEYS order, ARGV[first_arg + 2i] the
-- emission interval (µs) and ARGV[first_arg + 2i + 1] the burst.
-- Returns nil when every bucket allows the call (counted in each); otherwise the error reply
-- 'THROTTLED <µs until allowed> <1-based index of the bucket that refused>', and nothing is counted.
local function gcra(first_key, first_arg)
  if #KEYS < first_key then
    return nil
  end
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
  local tats = {}
  local wait, which = 0, 0
  for i = first_key, #KEYS do
    local arg = first_arg + 2 * (i - first_key)
    local interval = tonumber(ARGV[arg])
    local burst = tonumber(ARGV[arg + 1])
    local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
    if tat < now then
      tat = now
    end
    local over = tat - now - (burst - 1) * interval
    if over > wait then
      wait, which = over, i - first_key + 1
    end
    tats[i] = tat + interval
  end
  if wait > 0 then
    return redis.error_reply(string.format('THROTTLED %d %d', wait, which))
  end
  for i = first_key, #KEYS do
    -- the key lives as long as it matters: once TAT has passed, a missing key means the same
    redis.call('SET', KEYS[i], string.format('%.0f', tats[i]), 'PX', math.ceil((tats[i] - now) / 1000))
  end
  return nil
end
