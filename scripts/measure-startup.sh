#!/usr/bin/env bash
# Start-up and footprint of the packaged service, measured the same way for the JVM jar and the
# native executable:
#   scripts/measure-startup.sh jar      # target/quarkus-app/quarkus-run.jar, fixed 256 MB heap
#   scripts/measure-startup.sh native   # target/*-runner
# Prints: time from process start to the first successful request (GET /api/v1/concerts → 200),
# RSS right after it, and peak RSS during 20 s of load (wrk, 64 connections, queue entry by
# unique users). Needs PostgreSQL and Redis (scripts/services.sh); uses its own database.
# Options (environment, jar mode):
#   JAVA_OPTS="..."          extra JVM options for the measured start
#   MEASURE_MIGRATED=1       start once before measuring, so the measured start finds its schema in place
#                            (a restart or a scale-from-zero start; Flyway then has nothing to do)
#   AOT_CACHE=target/app.aot train a JDK 25 AOT cache in that first start (-XX:AOTCacheOutput) and
#                            measure a start that uses it (-XX:AOTCache); implies MEASURE_MIGRATED=1
#   AOT_TRAINED=1            with AOT_CACHE: train it with scripts/aot-train.sh's on-sale workload instead of a
#                            few requests (D65; bench/cold-instance.sh measures the first minute after such a start)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-jar}
port=${PORT:-18080}
db=cb_measure_$$
prefix="cb-measure-$$:"
{ pg_isready -h 127.0.0.1 -q && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; } || scripts/services.sh >/dev/null
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null; }
scripts/db-roles.sh "$db" >/dev/null   # owned by the migrations' role; the service runs as the app role
# the prod profile trusts no key of its own: the development pair (scripts/dev-keys.sh) signs and verifies here,
# and the development ticket-signing key it generates signs ticket codes
public_key=$(scripts/dev-keys.sh)
cleanup() {
  [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db with (force)" || true
  redis-cli -h 127.0.0.1 --scan --pattern "$prefix*" | xargs -r redis-cli -h 127.0.0.1 del >/dev/null || true
}
trap cleanup EXIT

props=(-Dquarkus.http.port=$port -Dquarkus.management.port=${MANAGEMENT_PORT:-19000}
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$db
  -Dquarkus.datasource.username=booking_app -Dquarkus.datasource.password=booking_app
  -Dquarkus.flyway.username=booking_owner -Dquarkus.flyway.password=booking_owner
  -Dqueue.redis.key-prefix=$prefix -Dmp.jwt.verify.publickey.location=$public_key
  -Dmp.jwt.verify.issuer=concert-booking-dev -Dquarkus.log.level=WARN
  -Dqueue.token-secret="$(head -c 32 /dev/urandom | base64)"
  -Dtickets.signing.private-key-location="$PWD/dev/tickets/ticket-signing.pem")
if [ "$mode" = native ]; then
  runner=$(ls target/*-runner | head -n 1)
  cmd=("$runner" "${props[@]}")
else
  source scripts/java.sh
  read -r -a extra <<<"${JAVA_OPTS:-}"
  if [ -n "${AOT_CACHE:-}" ] || [ "${MEASURE_MIGRATED:-0}" = 1 ]; then
    # the first start: migrates the schema and, with AOT_CACHE, records the cache while serving a few requests
    rm -f "${AOT_CACHE:-/nonexistent}"
    java -Xms256m -Xmx256m ${AOT_CACHE:+-XX:AOTCacheOutput=$AOT_CACHE} "${extra[@]}" "${props[@]}" \
      -jar target/quarkus-app/quarkus-run.jar > "target/measure-$mode-first.log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/concerts"; do
      kill -0 "$pid" 2>/dev/null || { echo "the first start failed; see target/measure-$mode-first.log" >&2; exit 1; }
      sleep 0.05
    done
    trainer=$(scripts/dev-token.sh trainer)
    for _ in $(seq 1 50); do
      curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/concerts"
      curl -fs -o /dev/null -X POST "http://127.0.0.1:$port/api/v1/concerts/1/queue/tokens" -H "Authorization: Bearer $trainer" || true
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    if [ -n "${AOT_CACHE:-}" ] && [ "${AOT_TRAINED:-0}" = 1 ]; then
      # the schema is in place now; the cache of the idle start above is replaced by a trained one
      TRAIN_JAVA_OPTS="-Xms256m -Xmx256m ${extra[*]}" scripts/aot-train.sh "$AOT_CACHE"
    fi
    [ -z "${AOT_CACHE:-}" ] || [ -s "$AOT_CACHE" ] || { echo "no AOT cache was written" >&2; exit 1; }
  fi
  cmd=(java -Xms256m -Xmx256m ${AOT_CACHE:+-XX:AOTCache=$AOT_CACHE} "${extra[@]}" "${props[@]}" -jar target/quarkus-app/quarkus-run.jar)
fi

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
start=$(date +%s%N)
"${cmd[@]}" > "target/measure-$mode.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/api/v1/concerts"; do
  kill -0 "$pid" 2>/dev/null || { echo "the service exited; see target/measure-$mode.log" >&2; exit 1; }
  sleep 0.01
done
first_ms=$(( ($(date +%s%N) - start) / 1000000 ))
rss_first=$(rss_kb "$pid")

admin=$(scripts/dev-token.sh ops admin)
concert=$(curl -fs -X POST "http://127.0.0.1:$port/api/v1/admin/concerts" -H "Authorization: Bearer $admin" \
  -H 'Content-Type: application/json' \
  -d "{\"title\":\"measure\",\"schedules\":[{\"startsAt\":\"2099-01-01T00:00:00Z\",\"seatCount\":100,\"price\":1000}]}" | jq .id)
lua=$(mktemp --suffix=.lua)
tokens=$(mktemp)
for i in $(seq 1 2000); do scripts/dev-token.sh "load-$i" >> "$tokens"; done
cat > "$lua" <<LUA
local tokens = {}
for line in io.lines("$tokens") do tokens[#tokens + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/api/v1/concerts/$concert/queue/tokens",
    { ["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] })
end
LUA
peak=$rss_first
wrk -t2 -c64 -d20s -s "$lua" "http://127.0.0.1:$port" > "target/measure-$mode-wrk.txt" &
wrk_pid=$!
while kill -0 "$wrk_pid" 2>/dev/null; do
  now=$(rss_kb "$pid"); [ "$now" -gt "$peak" ] && peak=$now
  sleep 0.5
done
rm -f "$lua" "$tokens"
echo "mode=$mode first_request_ms=$first_ms rss_after_first_request_mb=$((rss_first / 1024)) peak_rss_under_load_mb=$((peak / 1024))"
grep -E "Requests/sec|Latency" "target/measure-$mode-wrk.txt" | sed 's/^ */load: /'
