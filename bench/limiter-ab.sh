#!/usr/bin/env bash
# What the rate limiter (decisions D30) costs queue entry: the same jar, the queue-entry scenario of
# bench/run.sh with the limiter on and off, alternating (on off on off ...), each against its own raw
# Redis baseline measured in the same run. Writes docs/benchmarks/limiter.md (or $BENCH_OUT/limiter.md).
#
#   bench/limiter-ab.sh            2 pairs, 15 s per measurement
#   bench/limiter-ab.sh --quick    1 pair, 3 s (a smoke run; the figures mean little)
#
# Environment: LIMITER_PAIRS (pairs of runs), and everything bench/run.sh reads (BENCH_FANS, ...).
# The harness is the Python package bench/harness (harness/limiter_ab.py).
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHONPATH="$bench${PYTHONPATH:+:$PYTHONPATH}" exec python3 -B -m harness limiter-ab "$@"
