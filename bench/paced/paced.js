// Paced load for bench/run.sh: position polling at a fixed overall rate (a share of the measured
// peak), so latency is read below saturation, where a closed-loop generator (wrk) cannot go.
//   node bench/paced/paced.js <base-url> <fans-with-tokens file> <rate req/s> <seconds> <connections>
// Prints one JSON line: achieved and target rate, latency percentiles (ms), non-2xx, errors.
'use strict';
const autocannon = require('autocannon');
const fs = require('fs');

const [base, fansFile, rate, seconds, connections] = process.argv.slice(2);
const fans = fs.readFileSync(fansFile, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' '));
let next = 0;

autocannon(
  {
    url: base,
    connections: Number(connections),
    duration: Number(seconds),
    overallRate: Number(rate),
    requests: [
      {
        method: 'GET',
        path: '/api/v1/queue/token',
        setupRequest: (request) => {
          const [jwt, queueToken] = fans[next++ % fans.length];
          request.headers = { ...request.headers, authorization: 'Bearer ' + jwt, 'queue-token': queueToken };
          return request;
        },
      },
    ],
  },
  (err, r) => {
    if (err) {
      console.error(err);
      process.exit(1);
    }
    console.log(JSON.stringify({
      target_rps: Number(rate),
      rps: r.requests.total / r.duration,
      requests: r.requests.total,
      p50_ms: r.latency.p50,
      p99_ms: r.latency.p99,
      p999_ms: r.latency.p99_9,
      max_ms: r.latency.max,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
    }));
  },
);
