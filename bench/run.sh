#!/usr/bin/env bash
# Benchmark harness: the service against raw baselines (redis-benchmark, pgbench) on the same machine,
# same schema, same statements, same concurrency. See docs/benchmarks.md.
#
#   bench/run.sh          full run: writes docs/benchmarks.md, docs/benchmarks/results.json, docs/benchmarks/*.png
#   bench/run.sh --quick  every step for a few seconds (CI): writes to target/bench-quick/ (or $BENCH_OUT),
#                         exits non-zero if any step or correctness check fails
#   bench/run.sh --help   the BENCH_* environment variables
#
# The harness is the Python package bench/harness (standard library only; one module per scenario).
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHONPATH="$bench${PYTHONPATH:+:$PYTHONPATH}" exec python3 -B -m harness run "$@"
