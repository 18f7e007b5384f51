-- A room's cap as stored in PostgreSQL (decisions D32), taken only if newer than the copy Redis has,
-- so a late writer (an admission round that read the database before an operator's change) never
-- undoes a newer value. KEYS as in enter.lua. ARGV: 1 max-active, 2 its version. Returns 1 when taken.
local have = tonumber(redis.call('GET', KEYS[10]) or '0')
if tonumber(ARGV[2]) <= have then
  return 0
end
redis.call('SET', KEYS[6], ARGV[1])
redis.call('SET', KEYS[10], ARGV[2])
return 1
