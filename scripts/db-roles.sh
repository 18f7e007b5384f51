#!/usr/bin/env bash
# Creates (or brings back in line) the service's two PostgreSQL roles and its database, idempotently:
# the owner (runs the migrations) and the least-privilege app role (what the service connects as).
# See scripts/db-roles.sql. Connects as a superuser: PGHOST/PGPORT/PGUSER (default 127.0.0.1, 5432, postgres).
#   scripts/db-roles.sh [database]        (default concert_booking)
# Passwords: BOOKING_OWNER_PASSWORD, BOOKING_APP_PASSWORD (both, or neither). Given, they are set on
# the roles (new or existing); without them a role created now gets its own name as password, which
# is for development machines only, and existing roles keep theirs.
# Role names: BOOKING_OWNER_ROLE (booking_owner), BOOKING_APP_ROLE (booking_app).
set -euo pipefail
cd "$(dirname "$0")/.."
database=${1:-concert_booking}
owner=${BOOKING_OWNER_ROLE:-booking_owner}
app=${BOOKING_APP_ROLE:-booking_app}
set_passwords=false
if [ -n "${BOOKING_OWNER_PASSWORD:-}" ] || [ -n "${BOOKING_APP_PASSWORD:-}" ]; then
  [ -n "${BOOKING_OWNER_PASSWORD:-}" ] && [ -n "${BOOKING_APP_PASSWORD:-}" ] \
    || { echo "set both BOOKING_OWNER_PASSWORD and BOOKING_APP_PASSWORD, or neither" >&2; exit 1; }
  set_passwords=true
fi
psql -q -X -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres \
  -v owner="$owner" -v owner_password="${BOOKING_OWNER_PASSWORD:-$owner}" \
  -v app="$app" -v app_password="${BOOKING_APP_PASSWORD:-$app}" \
  -v set_passwords="$set_passwords" -v database="$database" -f scripts/db-roles.sql >/dev/null
echo "PostgreSQL roles $owner (migrations) and $app (the service) ready on database $database."
