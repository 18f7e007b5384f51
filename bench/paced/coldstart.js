// Load of bench/cold-instance.sh: first-time queue entries at a service from the moment it is ready, every
// request a JWT of the pool file sent once (from line <skip>), with the figures per second of the run.
//   node bench/paced/coldstart.js <base-url> <jwt-file> <skip> <concert> <seconds> <connections> [rate] [cycle]
//                                 [ready-url start-epoch-ms]
// rate: an overall cap in req/s (0: none, a closed loop like wrk); cycle: 1 = go round the file again (warm-up
// with cached tokens) instead of counting those requests as reused. ready-url: load the file while the service
// starts, poll this URL every 20 ms and start the load at its first 2xx ("ready_s": from start-epoch-ms, when
// the service's process was started); "t0_ms": the epoch ms the load started.
// Prints one JSON line: per second (by completion time from the start of the load) the responses, 2xx,
// non-2xx and errors and the p50/p99/max latency; totals; "used" (lines of the file handed out) and "reused".
'use strict';
const autocannon = require('autocannon');
const fs = require('fs');

const [base, file, skipArg, concert, seconds, connections, rateArg, cycleArg, readyUrl, startMs] = process.argv.slice(2);
const http = require('http');
const skip = Number(skipArg);
const cycle = cycleArg === '1';
const jwts = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(skip);
let next = 0;
let reused = 0;
const perSecond = [];
let t0 = null;

function bucket(now) {
  const s = Math.floor((now - t0) / 1000);
  while (perSecond.length <= s) perSecond.push({ lat: [], ok: 0, non2xx: 0 });
  return perSecond[s];
}

const opts = {
  url: base,
  connections: Number(connections),
  duration: Number(seconds),
  timeout: 10,
  requests: [
    {
      method: 'POST',
      path: `/api/v1/concerts/${concert}/queue/tokens`,
      setupRequest: (request) => {
        if (next >= jwts.length) reused++;
        const jwt = jwts[next++ % jwts.length];
        request.headers = { ...request.headers, authorization: 'Bearer ' + jwt };
        return request;
      },
    },
  ],
};
if (Number(rateArg || 0) > 0) opts.overallRate = Number(rateArg);

function whenReady(then) {
  if (!readyUrl) return then(null);
  const poll = () => {
    const req = http.get(readyUrl, (res) => {
      res.resume();
      if (res.statusCode >= 200 && res.statusCode < 300) then((Date.now() - Number(startMs)) / 1000);
      else setTimeout(poll, 20);
    });
    req.on('error', () => setTimeout(poll, 20));
    req.setTimeout(5000, () => req.destroy());
  };
  poll();
}

whenReady((readyS) => {
t0 = Date.now();
const instance = autocannon(opts, (err, r) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] : null);
  while (perSecond.length < Number(seconds)) perSecond.push({ lat: [], ok: 0, non2xx: 0 });
  const secs = perSecond.slice(0, Number(seconds)).map((b, i) => {
    const lat = b.lat.sort((a, c) => a - c);
    return { s: i + 1, responses: lat.length, ok: b.ok, non2xx: b.non2xx, p50_ms: pct(lat, 50), p99_ms: pct(lat, 99), max_ms: lat.length ? lat[lat.length - 1] : null };
  });
  console.log(JSON.stringify({
    requests: r.requests.total, duration_s: r.duration, rps: r.requests.total / r.duration,
    p50_ms: r.latency.p50, p99_ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts,
    used: cycle ? Math.min(next, jwts.length) : next, reused: cycle ? 0 : reused, per_second: secs,
    ready_s: readyS, t0_ms: t0,
  }));
});
instance.on('response', (client, statusCode, resBytes, responseTime) => {
  const b = bucket(Date.now());
  b.lat.push(responseTime);
  if (statusCode >= 200 && statusCode < 300) b.ok++;
  else b.non2xx++;
});
});
