-- GCRA (generic cell rate algorithm) over one or more buckets, all or nothing, atomically.
-- KEYS: the buckets. ARGV: per bucket, in KEYS order: emission interval (µs), burst.
-- A bucket stores its theoretical arrival time (TAT, µs); a call is allowed while
-- TAT - now <= (burst - 1) * interval, and moves TAT one interval on. Time is Redis' own clock,
-- the same for every instance of the service.
-- Returns 0 when every bucket allows the call (counted in each); otherwise an error reply
-- 'THROTTLED <µs until allowed> <index of the bucket that refused>', and nothing is counted.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local tats = {}
local wait, which = 0, 0
for i = 1, #KEYS do
  local interval = tonumber(ARGV[2 * i - 1])
  local burst = tonumber(ARGV[2 * i])
  local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
  if tat < now then
    tat = now
  end
  local over = tat - now - (burst - 1) * interval
  if over > wait then
    wait, which = over, i
  end
  tats[i] = tat + interval
end
if wait > 0 then
  return redis.error_reply(string.format('THROTTLED %d %d', wait, which))
end
for i = 1, #KEYS do
  -- the key lives as long as it matters: once TAT has passed, a missing key means the same
  redis.call('SET', KEYS[i], string.format('%.0f', tats[i]), 'PX', math.ceil((tats[i] - now) / 1000))
end
return 0
