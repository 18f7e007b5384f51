#!/usr/bin/env bash
# Runs the whole test suite (unit, contract, concurrency, two-instance) against the real local
# PostgreSQL and Redis, starting or installing them first. Each run uses its own database and
# Redis key prefix and removes them afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/services.sh
source scripts/java.sh
exec ./mvnw -B verify "$@"
