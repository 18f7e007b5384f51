-- wrk script for bench/run.sh, driven by environment variables:
--   BENCH_MODE     enter | poll | hold | order (hold 4 adjacent seats as one order, POST seatNumbers) | pay | fill (hold seat number BENCH_SEATS + 1, which the schedule
--                  does not have: a 404 after the whole transaction of a refused hold, to refill the
--                  service's connection pool the way holds use it; writes nothing; never measured)
--                  | fillread (GET an unknown reservation: a 404 after one read; needs no queue token)
--   BENCH_USERS    file with one fan per line: "<jwt>" or "<jwt> <queue-token>", or for pay
--                  "<jwt> <reservation-id>" (each line is one HELD reservation of that fan, paid once)
--   BENCH_THREADS  wrk -t value (threads walk disjoint slices of the fan list: thread t reads only lines
--                  t, t + threads, ...)
--   BENCH_ONCE     1: every line is meant to be sent once (cold tokens: a JWT the service has never seen);
--                  requests past the end of a thread's slice start it over and are counted as "reused"
--   BENCH_SKIP     lines of BENCH_USERS to leave out (those an earlier run of the same service used: the "used"
--                  figure it printed × threads)
--   BENCH_CONCERT  concert id (enter)
--   BENCH_SCHED_MIN / BENCH_SCHED_MAX / BENCH_SEATS  schedule id range and seats per schedule (hold)
-- Counts every response per HTTP status (response hook) and prints one "JSON:{...}" line in done().

local threads = {}
local nthreads_setup = 0

function setup(thread)
  nthreads_setup = nthreads_setup + 1
  thread:set("tid", nthreads_setup)
  table.insert(threads, thread)
end

function init(args)
  mode = os.getenv("BENCH_MODE")
  nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
  local skip = tonumber(os.getenv("BENCH_SKIP") or "0")
  users = {}
  local n = 0
  for line in io.lines(os.getenv("BENCH_USERS")) do
    local jwt, qt = line:match("^(%S+)%s*(%S*)")
    if jwt then
      if n >= skip and (n - skip) % nthreads == tid - 1 then users[#users + 1] = { "Bearer " .. jwt, qt } end
      n = n + 1
    end
  end
  once = os.getenv("BENCH_ONCE") == "1"
  reused = 0
  idx = 0
  concert = os.getenv("BENCH_CONCERT") or "0"
  smin = tonumber(os.getenv("BENCH_SCHED_MIN") or "0")
  smax = tonumber(os.getenv("BENCH_SCHED_MAX") or "0")
  seats = tonumber(os.getenv("BENCH_SEATS") or "1")
  enter_path = "/api/v1/concerts/" .. concert .. "/queue/tokens"
  sent = 0
  math.randomseed(os.time() * 97 + tid)
  counts = {}
end

local function next_user()
  local u = users[(idx % #users) + 1]
  if idx >= #users then reused = reused + 1 end
  idx = idx + 1
  return u
end

function request()
  local u = next_user()
  if mode == "enter" then
    return wrk.format("POST", enter_path, { ["Authorization"] = u[1] }, nil)
  elseif mode == "poll" then
    return wrk.format("GET", "/api/v1/queue/token", { ["Authorization"] = u[1], ["Queue-Token"] = u[2] }, nil)
  elseif mode == "fill" then
    return wrk.format("POST", "/api/v1/reservations",
      { ["Authorization"] = u[1], ["Queue-Token"] = u[2], ["Content-Type"] = "application/json" },
      '{"scheduleId":' .. math.random(smin, smax) .. ',"seatNumber":' .. (seats + 1) .. '}')
  elseif mode == "fillread" then
    return wrk.format("GET", "/api/v1/reservations/00000000-0000-4000-8000-" .. string.format("%012d", math.random(1, 999999)),
      { ["Authorization"] = u[1] }, nil)
  elseif mode == "pay" then
    -- a fresh Idempotency-Key per request: if the list wraps, a second payment of a line is a 409
    sent = sent + 1
    return wrk.format("POST", "/api/v1/payments",
      { ["Authorization"] = u[1], ["Idempotency-Key"] = "bench-" .. tid .. "-" .. sent, ["Content-Type"] = "application/json" },
      '{"reservationId":"' .. u[2] .. '"}')
  elseif mode == "order" then
    local n = math.random(1, seats - 3)
    local body = string.format('{"scheduleId":%d,"seatNumbers":[%d,%d,%d,%d]}', math.random(smin, smax), n, n + 1, n + 2, n + 3)
    return wrk.format("POST", "/api/v1/reservations",
      { ["Authorization"] = u[1], ["Queue-Token"] = u[2], ["Content-Type"] = "application/json" }, body)
  else
    local body = string.format('{"scheduleId":%d,"seatNumber":%d}', math.random(smin, smax), math.random(1, seats))
    return wrk.format("POST", "/api/v1/reservations",
      { ["Authorization"] = u[1], ["Queue-Token"] = u[2], ["Content-Type"] = "application/json" }, body)
  end
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local agg = {}
  local reused_all, used = 0, 0
  for _, t in ipairs(threads) do
    used = math.max(used, t:get("idx") or 0)
    local c = t:get("counts")
    if c then
      for k, v in pairs(c) do agg[k] = (agg[k] or 0) + v end
    end
    reused_all = reused_all + (t:get("reused") or 0)
  end
  local parts = {}
  for k, v in pairs(agg) do parts[#parts + 1] = string.format('"%d":%d', k, v) end
  local e = summary.errors
  io.write(string.format(
    'JSON:{"requests":%d,"duration_s":%.3f,"rps":%.2f,"p50_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,"mean_ms":%.3f,"max_ms":%.3f,'
      .. '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"non2xx":%d,"reused":%d,"used":%d,"status":{%s}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.mean / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, e.status, reused_all, used, table.concat(parts, ",")))
end
