#!/usr/bin/env bash
# A fresh instance in the first minute of an on-sale (issue #22, D64/D65): each start-up option of docs/native.md
# and the AOT cache trained by scripts/aot-train.sh, started fresh and driven with first-time queue entries (a
# JWT it has never seen per request) from the moment it is ready, for 60 s; per-second throughput and p99,
# requests in the first 10 s and 60 s, time to 80 % of warm throughput. Writes docs/benchmarks/cold-instance.md,
# .json and .png and its section of docs/benchmarks.md (or under $BENCH_OUT).
#
#   bench/cold-instance.sh            every variant (about 13 minutes; the first run in 5 hours also mints the
#                                     650,000 never-seen JWTs, about 9 more on two idle cores)
#   bench/cold-instance.sh --quick    plain JVM and C1-only, 8 s each at a capped 1,500 req/s (CI smoke test;
#                                     writes to target/bench-quick/)
#   bench/cold-instance.sh --help     the environment variables
#
# The harness is the Python package bench/harness (harness/cold_instance.py).
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHONPATH="$bench${PYTHONPATH:+:$PYTHONPATH}" exec python3 -B -m harness cold-instance "$@"
