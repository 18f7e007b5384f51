-- Close a room's pre-queue at its sale's opening (decisions D52), in O(1): the first call marks the
-- room opened at the floor (entries from now on queue behind it, enter.lua) and renames the
-- pre-queue to the frozen pre-queue, the shuffle's input, which nothing changes any more. Later calls
-- (a second instance, a re-run after a crash) change nothing.
-- KEYS as in enter.lua. ARGV: 1 the floor (opensAt, ms × 1000), 2 concert id
-- Returns the frozen pre-queue's size
if not redis.call('GET', KEYS[14]) then
  redis.call('SET', KEYS[14], ARGV[1])
  if redis.call('EXISTS', KEYS[12]) == 1 then
    redis.call('RENAME', KEYS[12], KEYS[13])
    redis.call('SADD', KEYS[8], ARGV[2])
  end
  redis.call('DEL', KEYS[16])
end
return redis.call('ZCARD', KEYS[13])
