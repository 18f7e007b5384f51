#!/usr/bin/env bash
# Trains a JDK 25 AOT cache (JEP 483 classes loaded and linked, JEP 515 method profiles) with a scripted
# on-sale workload, for a new instance that is fast from its first request (docs/native.md, D65):
#   1. starts the packaged jar with -XX:AOTCacheOutput=<cache> against a real PostgreSQL and Redis,
#   2. runs scripts/AotTrain.java over HTTP for TRAIN_SECONDS: first-time queue entries with JWTs the
#      instance has never seen, position polls (cached and new JWTs), re-entries, the admission job, and
#      whole journeys (dates, seats, hold, wallet charge, payment),
#   3. stops the service with SIGTERM (a clean exit: the JVM then assembles the cache in a child JVM, which
#      takes 20-60 s) and checks that the cache was written.
# The cache is valid only for this jar at this path on this exact JDK build; start the service with
# -XX:AOTCache=<cache> (add -XX:AOTMode=on to fail instead of starting slowly when it does not match).
#
#   scripts/aot-train.sh [--quick] [cache-file]     (default target/app.aot; --quick: a 10 s workload)
#
# Environment:
#   TRAIN_APP        the quarkus-app directory whose quarkus-run.jar is trained (default target/quarkus-app)
#   TRAIN_SECONDS    length of the workload (default 60, --quick 10); TRAIN_WORKERS concurrent fans (16)
#   TRAIN_JAVA_OPTS  JVM options of the training run (default -Xms256m -Xmx256m); use the production heap
#   TRAIN_SERVICES   local: start a throwaway PostgreSQL cluster and redis-server of its own and delete them
#                    afterwards (the image build, docker/Dockerfile.jvm); default: the PostgreSQL of
#                    PGHOST/PGPORT (127.0.0.1:5432, superuser postgres; a database of its own, dropped) and
#                    the Redis of REDIS_HOST/REDIS_PORT (a key prefix of its own, deleted)
#   TRAIN_DRIVER_CP  run the compiled AotTrain class from this classpath instead of the source file (a JRE)
# The keys are throwaway ones (AotTrain keys): the cache holds classes and profiles, no key and no setting.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
out=target/app.aot
for a in "$@"; do
  case $a in
    --quick) quick=true ;;
    -h | --help) sed -n '2,24p' "$0"; exit 0 ;;
    -*) echo "unknown option: $a" >&2; exit 2 ;;
    *) out=$a ;;
  esac
done
app=${TRAIN_APP:-target/quarkus-app}
seconds=${TRAIN_SECONDS:-$($quick && echo 10 || echo 60)}
workers=${TRAIN_WORKERS:-16}
read -r -a jopts <<<"${TRAIN_JAVA_OPTS:--Xms256m -Xmx256m}"
# every training fan comes from this one address: the per-address limits (rate-limit.*.per-address) are
# lifted out of its reach, the per-user ones stay as configured (the limiter's code is trained either way)
limits=()
for route in queue-entry queue-poll hold payment wallet-charge wallet-top-up default; do
  limits+=("-Drate-limit.$route.per-address.rate=1000000" "-Drate-limit.$route.per-address.burst=1000000")
done
[ -f "$app/quarkus-run.jar" ] || { echo "aot-train.sh: no $app/quarkus-run.jar (./mvnw package -DskipTests)" >&2; exit 1; }
[ -n "${JAVA_HOME:-}" ] || source scripts/java.sh >/dev/null
java -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput \
  || { echo "aot-train.sh: this JVM has no -XX:AOTCacheOutput (JDK 25 or newer is needed)" >&2; exit 1; }

work=$(mktemp -d /tmp/aot-train.XXXXXX)
chmod 755 "$work"
db=aot_train_$$
prefix="aot-train-$$:"
pid=""
log() { echo "[aot-train $(date +%H:%M:%S)] $*" >&2; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  if [ "${TRAIN_SERVICES:-}" = local ]; then
    [ -n "${pgbin:-}" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
    [ -n "${redis_pid:-}" ] && kill "$redis_pid" 2>/dev/null || true
  else
    psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
    redis-cli -h "${REDIS_HOST:-127.0.0.1}" -p "${REDIS_PORT:-6379}" --scan --pattern "$prefix*" \
      | xargs -r redis-cli -h "${REDIS_HOST:-127.0.0.1}" -p "${REDIS_PORT:-6379}" del >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ "${TRAIN_SERVICES:-}" = local ]; then
  pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb /usr/pgsql-*/bin/initdb 2>/dev/null | sort -V | tail -n 1)")
  [ -x "$pgbin/initdb" ] || { echo "aot-train.sh: TRAIN_SERVICES=local needs the PostgreSQL server binaries" >&2; exit 1; }
  export PGHOST=127.0.0.1 PGPORT=${TRAIN_PG_PORT:-55432} PGUSER=postgres REDIS_HOST=127.0.0.1 REDIS_PORT=${TRAIN_REDIS_PORT:-56379}
  [ "$(id -u)" -eq 0 ] && chown postgres "$work"
  as_pg "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust >/dev/null
  as_pg "$pgbin/pg_ctl" -D "$work/pg" -o "-h 127.0.0.1 -p $PGPORT -k $work" -l "$work/pg.log" -w start >/dev/null
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no >"$work/redis.log" 2>&1 &
  redis_pid=$!
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
fi
scripts/db-roles.sh "$db" >/dev/null
if [ -n "${TRAIN_DRIVER_CP:-}" ]; then driver=(java -cp "$TRAIN_DRIVER_CP" AotTrain); else driver=(java scripts/AotTrain.java); fi
"${driver[@]}" keys "$work/keys"

port=${TRAIN_PORT:-18390}
mport=${TRAIN_MANAGEMENT_PORT:-19390}
rm -f "$out"
mkdir -p "$(dirname "$out")"
log "training $app/quarkus-run.jar for $seconds s (${jopts[*]}) into $out"
java "${jopts[@]}" "${limits[@]}" -XX:AOTCacheOutput="$out" \
  -Dquarkus.http.port="$port" -Dquarkus.management.port="$mport" -Dquarkus.log.level=WARN \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/$db" \
  -Dquarkus.datasource.username=booking_app -Dquarkus.datasource.password=booking_app \
  -Dquarkus.flyway.username=booking_owner -Dquarkus.flyway.password=booking_owner \
  -Dquarkus.redis.hosts="redis://${REDIS_HOST:-127.0.0.1}:${REDIS_PORT:-6379}" -Dqueue.redis.key-prefix="$prefix" \
  -Dmp.jwt.verify.publickey.location="$work/keys/jwt-public.pem" -Dmp.jwt.verify.issuer=concert-booking-dev \
  -Dtickets.signing.private-key-location="$work/keys/ticket-signing.pem" \
  -Dqueue.token-secret="$(head -c 32 /dev/urandom | base64)" -Dwallet.direct-charges.enabled=true \
  -jar "$app/quarkus-run.jar" >"$work/service.log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  curl -fs -o /dev/null "http://127.0.0.1:$mport/q/health/ready" && break
  kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/service.log" >&2; echo "aot-train.sh: the service exited" >&2; exit 1; }
  sleep 0.1
done
curl -fs -o /dev/null "http://127.0.0.1:$mport/q/health/ready" || { echo "aot-train.sh: not ready in 120 s" >&2; exit 1; }
log "ready; running the workload"
status=0
"${driver[@]}" run "http://127.0.0.1:$port" "$work/keys/jwt-private.pem" "$seconds" "$workers" || status=$?
log "stopping the service (SIGTERM); the JVM writes the cache"
t0=$(date +%s)
kill -TERM "$pid"
wait "$pid" || true
pid=""
if [ "$status" -ne 0 ]; then
  tail -n 30 "$work/service.log" >&2
  rm -f "$out"
  echo "aot-train.sh: the workload failed: no cache" >&2
  exit 1
fi
[ -s "$out" ] || { tail -n 30 "$work/service.log" >&2; echo "aot-train.sh: no AOT cache was written" >&2; exit 1; }
log "wrote $out ($(du -m "$out" | cut -f1) MB; assembled in $(( $(date +%s) - t0 )) s)"
