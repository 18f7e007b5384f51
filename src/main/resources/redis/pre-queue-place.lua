-- Put one chunk of the shuffled pre-queue in line (decisions D52): each token at its order, just
-- below the floor (SaleOpening.preQueueOrder). Idempotent, so a re-run after a crash writes the same
-- orders again: a token no one holds any more (the fan left, or was dropped for not polling) and one
-- already admitted (ACTIVE) are skipped.
-- KEYS as in enter.lua. ARGV: pairs of (order, token)
-- Returns how many tokens are in line at their order after this chunk
local placed = 0
for i = 1, #ARGV, 2 do
  local token = ARGV[i + 1]
  if redis.call('HEXISTS', KEYS[4], token) == 1 and not redis.call('ZSCORE', KEYS[2], token) then
    redis.call('ZADD', KEYS[1], ARGV[i], token)
    placed = placed + 1
  end
end
return placed
