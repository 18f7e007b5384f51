-- wrk script for the full journey mix (bench/run.sh): every thread owns ONE connection (run with
-- -t N -c N) and walks fans through enter → (poll until ACTIVE) → schedules → seats → hold → charge →
-- pay, then takes the next fan. A lost seat (409) is tried again on another random seat.
-- Environment: BENCH_USERS (one JWT per line), BENCH_THREADS, BENCH_CONCERT, BENCH_SCHED_MIN/MAX,
-- BENCH_SEATS (per schedule), BENCH_PRICE. done() prints one "JSON:{...}" line with journeys counted.

local threads = {}
local nsetup = 0

function setup(thread)
  nsetup = nsetup + 1
  thread:set("tid", nsetup)
  table.insert(threads, thread)
end

function init(args)
  users = {}
  for line in io.lines(os.getenv("BENCH_USERS")) do
    local jwt = line:match("^(%S+)")
    if jwt then users[#users + 1] = "Bearer " .. jwt end
  end
  nthreads = tonumber(os.getenv("BENCH_THREADS"))
  concert = os.getenv("BENCH_CONCERT")
  smin = tonumber(os.getenv("BENCH_SCHED_MIN"))
  smax = tonumber(os.getenv("BENCH_SCHED_MAX"))
  seats = tonumber(os.getenv("BENCH_SEATS"))
  price = os.getenv("BENCH_PRICE")
  idx = tid - 1
  math.randomseed(os.time() * 131 + tid)
  counts = {}
  journeys = 0
  lost = 0
  n = 0
  step = "enter"
  next_fan()
end

function next_fan()
  auth = users[(idx % #users) + 1]
  idx = idx + nthreads
  qtoken, reservation, schedule = nil, nil, nil
  step = "enter"
end

local function hold_body()
  return string.format('{"scheduleId":%d,"seatNumber":%d}', schedule, math.random(1, seats))
end

function request()
  n = n + 1
  if step == "enter" then
    return wrk.format("POST", "/api/v1/concerts/" .. concert .. "/queue/tokens", { ["Authorization"] = auth }, nil)
  elseif step == "poll" then
    return wrk.format("GET", "/api/v1/queue/token", { ["Authorization"] = auth, ["Queue-Token"] = qtoken }, nil)
  elseif step == "schedules" then
    return wrk.format("GET", "/api/v1/concerts/" .. concert .. "/schedules",
      { ["Authorization"] = auth, ["Queue-Token"] = qtoken }, nil)
  elseif step == "seats" then
    schedule = math.random(smin, smax)
    return wrk.format("GET", "/api/v1/schedules/" .. schedule .. "/seats",
      { ["Authorization"] = auth, ["Queue-Token"] = qtoken }, nil)
  elseif step == "hold" then
    return wrk.format("POST", "/api/v1/reservations",
      { ["Authorization"] = auth, ["Queue-Token"] = qtoken, ["Content-Type"] = "application/json" }, hold_body())
  elseif step == "charge" then
    return wrk.format("POST", "/api/v1/wallet/charges",
      { ["Authorization"] = auth, ["Idempotency-Key"] = "jc-" .. tid .. "-" .. n, ["Content-Type"] = "application/json" },
      '{"amount":' .. price .. '}')
  else -- pay
    return wrk.format("POST", "/api/v1/payments",
      { ["Authorization"] = auth, ["Idempotency-Key"] = "jp-" .. tid .. "-" .. n, ["Content-Type"] = "application/json" },
      '{"reservationId":"' .. reservation .. '"}')
  end
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if step == "enter" or step == "poll" then
    if status == 200 or status == 201 then
      qtoken = body:match('"token":"([^"]+)"') or qtoken
      step = body:find('"status":"ACTIVE"', 1, true) and "schedules" or "poll"
    else
      next_fan()
    end
  elseif step == "schedules" then
    step = status == 200 and "seats" or "enter"
  elseif step == "seats" then
    step = status == 200 and "hold" or "enter"
  elseif step == "hold" then
    if status == 201 then
      reservation = body:match('"id":"([^"]+)"')
      step = "charge"
    elseif status == 409 then
      lost = lost + 1 -- someone else had it: another random seat of the same date
    else
      next_fan()
    end
  elseif step == "charge" then
    if status == 201 then step = "pay" else next_fan() end
  else
    if status == 201 then journeys = journeys + 1 end
    next_fan()
  end
end

function done(summary, latency, requests)
  local agg, total, lost_total = {}, 0, 0
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts") or {}) do agg[k] = (agg[k] or 0) + v end
    total = total + (t:get("journeys") or 0)
    lost_total = lost_total + (t:get("lost") or 0)
  end
  local parts = {}
  for k, v in pairs(agg) do parts[#parts + 1] = string.format('"%d":%d', k, v) end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    'JSON:{"requests":%d,"duration_s":%.3f,"rps":%.2f,"journeys":%d,"journeys_per_s":%.2f,"lost_seats":%d,'
      .. '"p50_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,"mean_ms":%.3f,"max_ms":%.3f,'
      .. '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"non2xx":%d,"status":{%s}}\n',
    summary.requests, secs, summary.requests / secs, total, total / secs, lost_total,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.mean / 1000, latency.max / 1000, e.connect, e.read, e.write, e.timeout, e.status,
    table.concat(parts, ",")))
end
