#!/usr/bin/env bash
# Starts the service in dev mode on http://localhost:8080 with its PostgreSQL and Redis
# (started or installed first). An empty database gets a demo concert. Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/services.sh
# the development JWT key pair (dev/jwt/, generated once, ignored by git): the dev profile trusts its public half
scripts/dev-keys.sh >/dev/null
psql -h 127.0.0.1 -U postgres -d postgres -Atqc "select 1 from pg_database where datname = 'concert_booking_dev'" | grep -q 1 ||
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database concert_booking_dev"
source scripts/java.sh
# no analytics prompt (it would wait for a y/n answer), no debugger port
exec ./mvnw -B -q quarkus:dev -Dquarkus.console.enabled=false -Dquarkus.analytics.disabled=true -Ddebug=false "$@"
