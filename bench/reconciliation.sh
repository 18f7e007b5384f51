#!/usr/bin/env bash
# Reconciliation benchmark: generates a day of PG files (bench/reconciliation/generate.py) and the
# matching top-ups, runs the service with a fixed 256 MB heap, reconciles the day over HTTP, checks
# every category count against what the generator planted, and records throughput, heap and RSS.
#
#   bench/reconciliation.sh            1,000,000 payments (3 files, ~3M lines): writes the results
#                                      into docs/reconciliation.md and docs/benchmarks/reconciliation.json
#   bench/reconciliation.sh --quick    20,000 payments, results to target/bench-quick/ (CI)
#
# Environment: RECON_ROWS (payments), PGHOST/PGPORT (127.0.0.1:5432).
# The harness is the Python package bench/harness (harness/reconciliation.py).
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHONPATH="$bench${PYTHONPATH:+:$PYTHONPATH}" exec python3 -B -m harness reconciliation "$@"
