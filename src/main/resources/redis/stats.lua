-- A waiting room at a glance. KEYS as in enter.lua. ARGV: 1 now (ms), 2 default max-active
-- Returns {waiting, active, maxActive}
return {
  redis.call('ZCARD', KEYS[1]),
  redis.call('ZCOUNT', KEYS[2], '(' .. ARGV[1], '+inf'),
  tonumber(redis.call('GET', KEYS[6]) or ARGV[2])
}
