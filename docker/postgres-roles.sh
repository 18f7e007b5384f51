#!/bin/sh
# Run once by the postgres image on a fresh volume (docker-entrypoint-initdb.d): the service's two
# roles and the ownership of $POSTGRES_DB, from scripts/db-roles.sql (mounted at /db-roles.sql).
set -e
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres \
  -v owner=booking_owner -v owner_password="$BOOKING_OWNER_PASSWORD" \
  -v app=booking_app -v app_password="$BOOKING_APP_PASSWORD" \
  -v set_passwords=true -v database="$POSTGRES_DB" -f /db-roles.sql
