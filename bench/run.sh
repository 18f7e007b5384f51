#!/usr/bin/env bash
# Benchmark harness: the service against raw baselines (redis-benchmark, pgbench) on the same machine,
# same schema, same statements, same concurrency. See docs/benchmarks.md.
#
#   bench/run.sh          full run: writes docs/benchmarks.md, docs/benchmarks/results.json, docs/benchmarks/*.png,
#                         then runs bench/cold-instance.sh (a fresh instance's first minute per start-up option,
#                         its section of docs/benchmarks.md; BENCH_COLD_INSTANCE=0 or a BENCH_SCENARIOS subset
#                         leaves it out)
#   bench/run.sh --quick  every step for a few seconds (CI): writes to target/bench-quick/ (or $BENCH_OUT),
#                         exits non-zero if any step or correctness check fails
#   bench/run.sh --help   the BENCH_* environment variables
#
# The harness is the Python package bench/harness (standard library only; one module per scenario).
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHONPATH="$bench${PYTHONPATH:+:$PYTHONPATH}" python3 -B -m harness run "$@"
# a full run ends with the cold-instance curves (issue #22); --quick and --help do not (CI runs
# bench/cold-instance.sh --quick on its own)
case " $* " in
  *" --quick "* | *" --help "* | *" -h "*) exit 0 ;;
esac
if [ "${BENCH_COLD_INSTANCE:-1}" != 0 ] && [ -z "${BENCH_SCENARIOS:-}" ]; then
  exec "$bench/cold-instance.sh"
fi
