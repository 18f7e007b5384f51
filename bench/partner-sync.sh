#!/usr/bin/env bash
# Partner sync benchmark (docs/sync.md): seeds reservations with their payments, syncs them to a local
# stub of the membership app server (section 1), changes a quarter of the tracked ones, syncs again
# (section 2), checks every count, and reports records/s of each section next to a raw COPY of the rows.
#
#   bench/partner-sync.sh            1,000,000 reservations: docs/benchmarks/partner-sync.json, docs/sync.md
#   bench/partner-sync.sh --quick    20,000 reservations, results to target/bench-quick/ (CI)
#
# Environment: SYNC_ROWS (reservations), SYNC_BATCH (sync.batch-size), PGHOST/PGPORT (127.0.0.1:5432).
# The harness is the Python package bench/harness (harness/partner_sync.py).
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHONPATH="$bench${PYTHONPATH:+:$PYTHONPATH}" exec python3 -B -m harness partner-sync "$@"
