-- A call of a route checked and counted in its buckets (gcra.lua is prepended).
-- KEYS: the buckets. ARGV: per bucket, in KEYS order: emission interval (µs), burst.
-- Returns 0 when every bucket allows the call; otherwise gcra's 'THROTTLED ...' error reply.
local throttled = gcra(1, 1)
if throttled then
  return throttled
end
return 0
