#!/usr/bin/env bash
# Benchmark harness: the service against raw baselines (redis-benchmark, pgbench) on the same machine,
# same schema, same statements, same concurrency. See docs/benchmarks.md.
#
#   bench/run.sh          full run: writes docs/benchmarks.md, docs/benchmarks/results.json, docs/benchmarks/*.png
#   bench/run.sh --quick  every step for a few seconds (CI): writes to target/bench-quick/ (or $BENCH_OUT),
#                         exits non-zero if any step or correctness check fails
#
# Environment: BENCH_OUT (output dir for benchmarks.md; results + charts go to $BENCH_OUT/benchmarks/),
# BENCH_CONNECTIONS (default 64), BENCH_DURATION / BENCH_WARMUP (seconds), BENCH_REPEATS, BENCH_FANS,
# BENCH_SCHEDULES / BENCH_SEATS_PER_SCHEDULE, PGHOST/PGPORT (127.0.0.1:5432), REDIS_HOST/REDIS_PORT,
# BENCH_SCENARIOS (space-separated subset of: queue_entry position_polling admission hold_random hold_hot
# payment_random payment_hot journey; default all; queue entry always runs, the later scenarios need its fans),
# BENCH_JAVA_OPTS (extra JVM options for the service, e.g. -Dauth.jwt-cache.max-entries=0 or -XX:StartFlightRecording=...;
# they override the harness's own -D settings: -Drate-limit.enabled=false runs a scenario with the rate limiter off,
# e.g. BENCH_SCENARIOS=queue_entry BENCH_JAVA_OPTS=-Drate-limit.enabled=false bench/run.sh for the limiter's A/B),
# BENCH_USER_RATE / BENCH_USER_BURST (the per-user rate limits of every route, default 1000 / 1000: on, and above
# what the harness's fan rotation asks of one fan; --quick has 2,000 fans), BENCH_MAX_HELD (reservation.max-held-per-user, default 1000),
# BENCH_APP (the quarkus-app directory to run, default target/quarkus-app: A/B runs of two builds),
# BENCH_PG (own | shared, default own: the run starts its own PostgreSQL cluster, see below; shared uses PGHOST/PGPORT).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
START_TS=$(date +%s)

MODE=full
for a in "$@"; do
  case "$a" in
    --quick) MODE=quick ;;
    -h|--help) sed -n 2,15p "$0"; exit 0 ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done

CONN=${BENCH_CONNECTIONS:-64}
if [[ $MODE == quick ]]; then
  DUR=${BENCH_DURATION:-3}; WARM=${BENCH_WARMUP:-2}; REPEATS=${BENCH_REPEATS:-1}
  FANS=${BENCH_FANS:-2000}; SCHEDULES=${BENCH_SCHEDULES:-1}; SEATS=${BENCH_SEATS_PER_SCHEDULE:-10000}
  OUT=${BENCH_OUT:-$ROOT/target/bench-quick}
else
  DUR=${BENCH_DURATION:-15}; WARM=${BENCH_WARMUP:-10}; REPEATS=${BENCH_REPEATS:-3}
  FANS=${BENCH_FANS:-20000}; SCHEDULES=${BENCH_SCHEDULES:-10}; SEATS=${BENCH_SEATS_PER_SCHEDULE:-100000}
  OUT=${BENCH_OUT:-$ROOT/docs}
fi
HOT_SEATS=50
THREADS=2
SCENARIOS=" ${BENCH_SCENARIOS:-queue_entry position_polling admission hold_random hold_hot payment_random payment_hot journey} "
want() { [[ $SCENARIOS == *" $1 "* ]]; }
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
REDIS_HOST=${REDIS_HOST:-127.0.0.1}; REDIS_PORT=${REDIS_PORT:-6379}
RCLI=(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT")

ID="$$_$(date +%s)"
DB="bench_${ID}"
PREFIX="bench${ID}:"
WORK=$(mktemp -d /tmp/concert-bench.XXXXXX)
RUNS="$WORK/runs.jsonl"; CHECKS="$WORK/checks.jsonl"
: >"$RUNS"; : >"$CHECKS"
APP_PID=""; FAILED=0
PG_MODE=${BENCH_PG:-own}; PG_OWN_DIR=""; PG_BIN=""; PG_AS=()

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

cleanup() {
  local rc=$?
  set +e
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; for _ in $(seq 1 50); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID"
  fi
  if [[ -n "$PG_OWN_DIR" ]]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_OWN_DIR/data" -m fast -w stop >/dev/null 2>&1
    rm -rf "$PG_OWN_DIR"
  else
    psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1
  fi
  "${RCLI[@]}" --scan --pattern "${PREFIX}*" 2>/dev/null | xargs -r -n 500 "${RCLI[@]}" DEL >/dev/null 2>&1
  if [[ $rc -ne 0 ]]; then
    log "exit status $rc; work files kept in $WORK (app log: $WORK/app.log)"
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------- tools
need_apt=()
command -v gnuplot >/dev/null || need_apt+=(gnuplot-nox)
command -v wrk >/dev/null || need_apt+=(wrk)
command -v pgbench >/dev/null || need_apt+=(postgresql-client)
command -v redis-benchmark >/dev/null || need_apt+=(redis-tools)
if ((${#need_apt[@]})); then
  log "installing ${need_apt[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get install -y "${need_apt[@]}" >/dev/null 2>&1 \
    || { $SUDO apt-get update -qq >/dev/null 2>&1 && $SUDO apt-get install -y "${need_apt[@]}" >/dev/null 2>&1; } \
    || log "warning: could not install ${need_apt[*]} (charts / CPU figures may be missing)"
fi
for t in wrk redis-benchmark redis-cli pgbench psql jq python3 curl /usr/bin/time; do
  command -v "$t" >/dev/null || die "$t is not installed"
done
# shellcheck disable=SC1091
source scripts/java.sh >/dev/null
# shellcheck source=bench/lib.sh
source bench/lib.sh
if [[ ! -d bench/paced/node_modules/autocannon ]]; then
  log "installing the paced load generator (npm: autocannon, pinned in bench/paced/package-lock.json)"
  (cd bench/paced && npm ci --no-audit --no-fund >/dev/null 2>&1) || die "npm ci in bench/paced failed"
fi
command -v java >/dev/null || die "no JDK found (scripts/java.sh)"

# ---------------------------------------------------------------------------------------------- PostgreSQL
# The raw baselines and the service share PostgreSQL's max_connections. The machine's cluster allows 100, fewer
# than pgbench's $CONN plus the service's pool of $CONN, so with BENCH_PG=shared the service's pool must shrink
# while pgbench runs and grow back, under load, in the next service run (fill_pool). By default the run starts
# its own cluster instead: the same PostgreSQL binaries, the settings the machine's cluster has in its
# configuration files (shared_buffers, fsync, autovacuum, WAL sizes ...), the data on the same disk, and room
# for both pools (max_connections = 2 × $CONN + 30); it is stopped and deleted at the end.
start_own_pg() {
  local port settings
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -x $PG_BIN/initdb ]] || PG_BIN=$(pg_config --bindir 2>/dev/null || true)
  [[ -x $PG_BIN/initdb ]] || die "no PostgreSQL server binaries (initdb) found; install postgresql or run with BENCH_PG=shared"
  PG_OWN_DIR=$(mktemp -d /var/tmp/concert-bench-pg.XXXXXX)
  if [[ $(id -u) -eq 0 ]]; then # initdb refuses to run as root
    chown postgres: "$PG_OWN_DIR" || die "no postgres user to own the benchmark's cluster"
    PG_AS=(runuser -u postgres --)
  fi
  "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_OWN_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
  settings=""
  if psql -d postgres -Atc 'select 1' >/dev/null 2>&1; then # copy the machine's cluster's own settings
    settings=$(psql -d postgres -AtF' ' -c "select name, quote_literal(current_setting(name)) from pg_settings
      where source = 'configuration file' and name not in ('port', 'listen_addresses', 'max_connections',
        'cluster_name', 'external_pid_file', 'unix_socket_directories', 'data_directory', 'hba_file', 'ident_file')
        and name not like 'log%' and name not like 'lc%' and name not like 'ssl%'" | sed 's/ / = /')
  fi
  port=$(free_port)
  { echo "# bench/run.sh: the machine's cluster's settings, then the benchmark's own"
    echo "$settings"
    echo "port = $port"; echo "listen_addresses = '127.0.0.1'"; echo "unix_socket_directories = '$PG_OWN_DIR'"
    echo "max_connections = $((2 * CONN + 30))"
  } | "${PG_AS[@]}" tee -a "$PG_OWN_DIR/data/postgresql.conf" >/dev/null
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_OWN_DIR/data" -l "$PG_OWN_DIR/server.log" -w -t 60 start >/dev/null \
    || { cat "$PG_OWN_DIR/server.log" >&2; die "the benchmark's PostgreSQL cluster did not start"; }
  PGHOST=127.0.0.1; PGPORT=$port; export PGHOST PGPORT
  log "PostgreSQL: own cluster in $PG_OWN_DIR on :$port (max_connections $((2 * CONN + 30)); $(echo "$settings" | grep -c .) settings copied from the machine's cluster)"
}
case $PG_MODE in
  own) start_own_pg ;;
  shared) ;;
  *) die "BENCH_PG must be own or shared" ;;
esac
psql -d postgres -Atc 'select 1' >/dev/null || die "PostgreSQL is not reachable on $PGHOST:$PGPORT (scripts/services.sh)"
[[ $("${RCLI[@]}" ping 2>/dev/null) == PONG ]] || die "Redis is not reachable on $REDIS_HOST:$REDIS_PORT"

APP_DIR=${BENCH_APP:-target/quarkus-app}
if [[ ! -f $APP_DIR/quarkus-run.jar ]]; then
  [[ -n ${BENCH_APP:-} ]] && die "BENCH_APP=$APP_DIR holds no quarkus-run.jar"
  log "building the jar (target/quarkus-app/quarkus-run.jar is missing)"
  ./mvnw -B -q package -DskipTests || die "build failed"
fi

# ---------------------------------------------------------------------------------------------- tokens
# JWTs are slow to mint (~3 ms each): mint in two processes in the background while the app starts,
# and reuse them for 5 hours (they are valid for 6) in a cache keyed by the signing key and the fan count.
# The prod profile trusts no key of its own: the development pair (scripts/dev-keys.sh, generated once into
# dev/jwt/ of this checkout) signs the tokens and the service is told to trust its public half; another
# checkout's pair has its own cache entries (its key's fingerprint).
PUBLIC_KEY=$(scripts/dev-keys.sh)
KEY_ID=$(sha256sum "$PUBLIC_KEY" | cut -c1-16)
CACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/concert-bench
mkdir -p "$CACHE_DIR"
FAN_FILE="$CACHE_DIR/fans-$KEY_ID-$FANS.jwt"
ADMIN_FILE="$CACHE_DIR/admin-$KEY_ID.jwt"
SUB_PREFIX="benchfan"
MINT_PIDS=()
if [[ ! -s "$FAN_FILE" || -n $(find "$FAN_FILE" -mmin +300 2>/dev/null) ]]; then
  log "minting $FANS fan JWTs"
  half=$((FANS / 2))
  # two processes: subs benchfan1..half and benchfanX1.. (renamed below so that line i has sub benchfan<i>)
  java bench/MintTokens.java "$SUB_PREFIX" "$half" "$WORK/fans.a" &
  MINT_PIDS+=($!)
  java bench/MintTokens.java "${SUB_PREFIX}b" "$((FANS - half))" "$WORK/fans.b" &
  MINT_PIDS+=($!)
fi
if [[ ! -s "$ADMIN_FILE" || -n $(find "$ADMIN_FILE" -mmin +300 2>/dev/null) ]]; then
  java bench/MintTokens.java ops 1 "$ADMIN_FILE" admin
fi
ADMIN=$(head -1 "$ADMIN_FILE")

# ---------------------------------------------------------------------------------------------- app
# the database owned by the migrations' role; the service connects as the least-privilege app role
# (scripts/db-roles.sh; the benchmark's own cluster trusts 127.0.0.1, the passwords are the dev ones)
scripts/db-roles.sh "$DB" >/dev/null
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
MPORT=$(free_port) # health and metrics: the management interface
MBASE="http://127.0.0.1:$MPORT"
# the pool keeps as many connections as pgbench's $CONN leave free (fewer to grow back under load; fill_pool)
POOL_MIN=$(( $(psql -d postgres -Atc 'show max_connections') - CONN - 12 ))
((POOL_MIN > CONN)) && POOL_MIN=$CONN
((POOL_MIN < 4)) && POOL_MIN=4
log "starting the service on :$PORT (db $DB, redis prefix $PREFIX, pool $POOL_MIN..$CONN)"
# the verified-JWT cache sized to the fans who poll (an operator sizes it to the fans online at once);
# at the default 20000, the run's 20000 fans plus the admin token cycled through it and 13 % of the
# JVM's samples were RS256 re-checks of evicted tokens (JFR, docs/performance.md). BENCH_JAVA_OPTS
# may override it.
JWT_CACHE=$((FANS + FANS / 10))
# Limits (issue #15): every fan of the harness comes from 127.0.0.1, so the per-address limits are set far
# above the load (the check still runs: one EVALSHA over both buckets, as in production); the per-user
# limits stay on, above what the fan rotation asks of one fan (one call every FANS / throughput seconds;
# production defaults would throttle --quick's 2,000 fans). The hold limit is raised so the hold
# scenarios keep measuring seat contention; its count still runs in every hold. BENCH_JAVA_OPTS comes
# after these and may override any of them (-Drate-limit.enabled=false: the limiter's A/B).
# wallet.direct-charges.enabled: the journey tops wallets up with plain {amount} charges (no PG here)
USER_RATE=${BENCH_USER_RATE:-1000}; USER_BURST=${BENCH_USER_BURST:-1000}
LIMIT_OPTS=(-Dreservation.max-held-per-user="${BENCH_MAX_HELD:-1000}")
for route in queue-entry queue-poll hold payment wallet-charge wallet-top-up default; do
  LIMIT_OPTS+=(-Drate-limit.$route.per-user.rate="$USER_RATE" -Drate-limit.$route.per-user.burst="$USER_BURST"
    -Drate-limit.$route.per-address.rate=1000000 -Drate-limit.$route.per-address.burst=1000000)
done
log "limits: per-user rate $USER_RATE/s burst $USER_BURST on every route, per-address 1000000/s; options: ${BENCH_JAVA_OPTS:-none}"
java -Xms256m -Xmx256m -Dauth.jwt-cache.max-entries="$JWT_CACHE" "${LIMIT_OPTS[@]}" "${JAVA_OPTS[@]}" \
  -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MPORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  -Dquarkus.datasource.username=booking_app -Dquarkus.datasource.password=booking_app \
  -Dquarkus.flyway.username=booking_owner -Dquarkus.flyway.password=booking_owner \
  -Dquarkus.datasource.jdbc.max-size="$CONN" -Dquarkus.datasource.jdbc.min-size="$POOL_MIN" \
  -Dquarkus.datasource.jdbc.idle-removal-interval=2S \
  -Dquarkus.redis.max-pool-size="$CONN" \
  -Dqueue.redis.key-prefix="$PREFIX" \
  -Dmp.jwt.verify.publickey.location="$PUBLIC_KEY" \
  -Dmp.jwt.verify.issuer=concert-booking-dev -Dmp.jwt.verify.token.age=21600 \
  -Dqueue.token-secret="$(head -c 32 /dev/urandom | base64)" \
  -Dreservation.hold-ttl=1h -Dqueue.active-ttl=1h -Dqueue.waiting-ttl=1h -Dqueue.admit-interval=1h \
  -Dwallet.direct-charges.enabled=true \
  -jar "$APP_DIR/quarkus-run.jar" >"$WORK/app.log" 2>&1 &
APP_PID=$!
wait_ready "$APP_PID" "$MBASE" "$WORK/app.log"
log "service ready"

for p in "${MINT_PIDS[@]}"; do wait "$p" || die "minting JWTs failed"; done
if ((${#MINT_PIDS[@]})); then
  half=$((FANS / 2))
  # re-mint is not needed: rename subs by position instead of sub value -> keep a sub index file
  cat "$WORK/fans.a" "$WORK/fans.b" >"$FAN_FILE.tmp" && mv "$FAN_FILE.tmp" "$FAN_FILE"
fi
[[ $(wc -l <"$FAN_FILE") -eq $FANS ]] || die "fan JWT file $FAN_FILE is incomplete"
# line i of the fan file -> sub (benchfan1..half, then benchfanb1..rest)
python3 - "$FANS" "$SUB_PREFIX" >"$WORK/subs" <<'EOF'
import sys
n = int(sys.argv[1]); p = sys.argv[2]; h = n // 2
for i in range(1, h + 1): print(f"{p}{i}")
for i in range(1, n - h + 1): print(f"{p}b{i}")
EOF

api() { # method path [body] -> body on stdout; fails on non-2xx
  local m=$1 p=$2 b=${3:-}
  if [[ -n "$b" ]]; then
    curl -fsS -X "$m" "$BASE$p" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d "$b"
  else
    curl -fsS -X "$m" "$BASE$p" -H "Authorization: Bearer $ADMIN"
  fi
}

# ---------------------------------------------------------------------------------------------- seed
STARTS=$(date -u -d '+30 days' +%Y-%m-%dT20:00:00Z)
SCHED_JSON=$(python3 -c "
import json,sys
n,seats,starts=int(sys.argv[1]),int(sys.argv[2]),sys.argv[3]
s=[{'startsAt':starts,'seatCount':seats,'price':100000} for _ in range(n)]
s.append({'startsAt':starts,'seatCount':$HOT_SEATS,'price':100000})
print(json.dumps({'title':'Benchmark concert','schedules':s}))" "$SCHEDULES" "$SEATS" "$STARTS")
log "seeding a concert: $SCHEDULES x $SEATS seats + one schedule of $HOT_SEATS hot seats"
t0=$(date +%s.%N)
CREATED=$(api POST /api/v1/admin/concerts "$SCHED_JSON") || die "seeding the concert failed"
log "seeded in $(python3 -c "print(round($(date +%s.%N)-$t0,1))") s"
CONCERT=$(jq -r .id <<<"$CREATED")
mapfile -t SIDS < <(jq -r '.schedules[].id' <<<"$CREATED")
HOT_SID=${SIDS[-1]}
SMIN=${SIDS[0]}; SMAX=${SIDS[$((SCHEDULES - 1))]}
[[ $((SMAX - SMIN + 1)) -eq $SCHEDULES ]] || die "schedule ids are not contiguous ($SMIN..$SMAX)"
SEEDED=$(psql -d "$DB" -Atc "select count(*) from seat where schedule_id between $SMIN and $SMAX")
# the journey mix has its own concert: J_SCHEDULES dates of J_SEATS seats (each browse lists one date)
J_SCHEDULES=20; J_SEATS=1000; J_PRICE=50000
[[ $MODE == quick ]] && { J_SCHEDULES=2; J_SEATS=500; }
J_CREATED=$(api POST /api/v1/admin/concerts "$(python3 -c "
import json,sys
print(json.dumps({'title':'Journey concert','schedules':[{'startsAt':sys.argv[1],'seatCount':$J_SEATS,'price':$J_PRICE}]*$J_SCHEDULES}))" "$STARTS")") \
  || die "seeding the journey concert failed"
JCONCERT=$(jq -r .id <<<"$J_CREATED")
J_SMIN=$(jq -r '.schedules[0].id' <<<"$J_CREATED"); J_SMAX=$(jq -r '.schedules[-1].id' <<<"$J_CREATED")
[[ $((J_SMAX - J_SMIN + 1)) -eq $J_SCHEDULES ]] || die "journey schedule ids are not contiguous"

psql -q -d "$DB" -c "VACUUM ANALYZE" >/dev/null

# ---------------------------------------------------------------------------------------------- measuring
CLK=$(getconf CLK_TCK)
REDIS_PIDS=$(pgrep -x redis-server | tr '\n' ' ' || true)
pg_pids() { # the benchmark's cluster: its postmaster and children; shared: every postgres process
  local pm
  if [[ -n "$PG_OWN_DIR" ]] && pm=$(head -1 "$PG_OWN_DIR/data/postmaster.pid" 2>/dev/null); then
    echo "$pm"; pgrep -P "$pm" || true
  else
    pgrep -x postgres || true
  fi
}

cpu_snap() { # "app redis postgres" in clock ticks
  local a r p
  a=$(awk '{print $14+$15}' "/proc/$APP_PID/stat" 2>/dev/null || echo 0)
  r=0; for pid in $REDIS_PIDS; do r=$((r + $(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  p=$(for pid in $(pg_pids); do cat "/proc/$pid/stat" 2>/dev/null; done | awk '{s+=$14+$15+$16+$17} END {print s+0}')
  echo "$a $r $p"
}

# record <scenario> <side> <phase> <repeat> <metrics-json> <cpu-before> <cpu-after> <seconds> <timefile> [note]
record() {
  local sc=$1 side=$2 ph=$3 rep=$4 metrics=$5 before=$6 after=$7 secs=$8 tf=$9 note=${10:-}
  python3 - "$sc" "$side" "$ph" "$rep" "$metrics" "$before" "$after" "$secs" "$tf" "$CLK" "$note" >>"$RUNS" <<'EOF'
import json, sys
sc, side, ph, rep, metrics, before, after, secs, tf, clk, note = sys.argv[1:12]
m = json.loads(metrics)
b = [int(x) for x in before.split()]; a = [int(x) for x in after.split()]
secs = float(secs); clk = float(clk)
cpu = {k: round((a[i] - b[i]) / clk / secs, 3) for i, k in enumerate(("app", "redis", "postgres"))}
if side == "raw":
    cpu["app"] = None
try:
    u, s = open(tf).read().split("LOADCPU")[1].split()[:2]
    cpu["loadgen"] = round((float(u) + float(s)) / secs, 3)
except Exception:
    cpu["loadgen"] = None
m.update({"scenario": sc, "side": side, "phase": ph, "repeat": int(rep), "cpu": cpu, "wall_s": round(secs, 2)})
if note:
    m["note"] = note
print(json.dumps(m))
EOF
}

now_s() { date +%s.%N; }

# run_wrk <scenario> <phase> <repeat> <seconds> <mode> <users-file> [extra env...]
run_wrk() {
  local sc=$1 ph=$2 rep=$3 secs=$4 mode=$5 users=$6; shift 6
  local out="$WORK/wrk-$sc-$ph-$rep.txt" tf="$WORK/time-$sc-svc-$ph-$rep"
  local before after t0 t1 js
  before=$(cpu_snap); t0=$(now_s)
  env BENCH_MODE="$mode" BENCH_USERS="$users" BENCH_THREADS=$THREADS "$@" \
    /usr/bin/time -f 'LOADCPU %U %S' -o "$tf" \
    wrk -t$THREADS -c"${WRK_CONN:-$CONN}" -d"${secs}s" --timeout 10s --latency -s bench/wrk/bench.lua "$BASE" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk failed ($sc $ph)"; }
  t1=$(now_s); after=$(cpu_snap)
  js=$(grep '^JSON:' "$out" | sed 's/^JSON://') || { cat "$out" >&2; die "wrk printed no result ($sc)"; }
  record "$sc" service "$ph" "$rep" "$js" "$before" "$after" "$(python3 -c "print($t1-$t0)")" "$tf"
  log "  service $sc $ph#$rep: $(jq -r '"\(.rps|floor) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, status \(.status|tostring)"' <<<"$js")"
  # correctness: no 5xx, no socket errors that hide failures; holds may only be refused with 409
  local bad
  bad=$(jq -r --arg sc "$sc" '[.status | to_entries[] | select((.key|tonumber) >= 300)
          | select(($sc | startswith("hold") or startswith("payment")) and .key == "409" | not) | "\(.key)=\(.value)"] | join(",")' <<<"$js")
  if [[ -n "$bad" ]]; then
    log "  CHECK FAILED: unexpected statuses in $sc $ph#$rep: $bad"
    echo "{\"name\":\"$sc $ph#$rep: only 2xx$([[ $sc == hold* || $sc == payment* ]] && echo ' and 409')\",\"ok\":false,\"detail\":\"$bad\"}" >>"$CHECKS"
    FAILED=1
  fi
  echo "$js" >"$WORK/last.json"
}

# run_redis <scenario> <phase> <repeat> <requests> <command...>
run_redis() {
  local sc=$1 ph=$2 rep=$3 n=$4; shift 4
  local out="$WORK/redis-$sc-$ph-$rep.csv" tf="$WORK/time-$sc-raw-$ph-$rep"
  local before after t0 t1 js
  before=$(cpu_snap); t0=$(now_s)
  /usr/bin/time -f 'LOADCPU %U %S' -o "$tf" \
    redis-benchmark -h "$REDIS_HOST" -p "$REDIS_PORT" -c "$CONN" -n "$n" -r "$FANS" --csv "$@" >"$out" 2>"$out.err" \
    || { cat "$out.err" >&2; die "redis-benchmark failed ($sc)"; }
  t1=$(now_s); after=$(cpu_snap)
  grep -qi 'err' "$out" "$out.err" && { cat "$out" "$out.err" >&2; die "redis-benchmark reported an error ($sc)"; }
  js=$(python3 bench/report.py redis "$out") || die "could not parse redis-benchmark output ($sc)"
  record "$sc" raw "$ph" "$rep" "$js" "$before" "$after" "$(python3 -c "print($t1-$t0)")" "$tf"
  log "  raw     $sc $ph#$rep: $(jq -r '"\(.rps|floor) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms"' <<<"$js")"
  echo "$js" >"$WORK/last.json"
}

wait_pool_idle() { # PostgreSQL has 100 connections: let the service's pool shrink before pgbench opens $CONN
  local limit=$(( $(psql -d postgres -Atc 'show max_connections') - CONN - 5 )) n
  for _ in $(seq 1 60); do
    n=$(psql -d postgres -Atc "select count(*) from pg_stat_activity where backend_type = 'client backend'")
    ((n <= limit)) && return 0
    sleep 0.5
  done
  die "PostgreSQL still has $n client connections; pgbench needs $CONN of max_connections"
}

# The service's pool shrinks while pgbench runs (the two share PostgreSQL's max_connections); pgbench opens
# its connections before it starts measuring, so the service gets its pool back before its measured run too:
# two seconds of unmeasured requests at the run's concurrency: before holds, refused holds (seat
# $HOT_SEATS + 1 of the hot schedule, which it does not have: a 404 after the transaction of a refused
# hold, which holds a connection as long as a hold does and writes nothing); before payments, whose
# fans' queue tokens are gone by then, reads of an unknown reservation (a 404 after one SELECT).
fill_pool() { # connections [mode: fill | fillread]
  ((POOL_MIN < CONN)) || return 0 # the pool never shrinks (the benchmark's own cluster has room for both)
  env BENCH_MODE="${2:-fill}" BENCH_USERS="$WORK/fans-with-tokens" BENCH_THREADS=$THREADS \
    BENCH_SCHED_MIN="$HOT_SID" BENCH_SCHED_MAX="$HOT_SID" BENCH_SEATS="$HOT_SEATS" \
    wrk -t$THREADS -c"$1" -d2s --timeout 10s -s bench/wrk/bench.lua "$BASE" >"$WORK/fill.txt" 2>&1 \
    || { cat "$WORK/fill.txt" >&2; die "wrk failed (pool fill)"; }
  [[ $(grep '^JSON:' "$WORK/fill.txt" | cut -c6- | jq -c '.status | keys') == '["404"]' ]] \
    || { cat "$WORK/fill.txt" >&2; die "pool fill: expected only 404s"; }
  log "  pool refilled: $(psql -d postgres -Atc "select count(*) from pg_stat_activity where datname = '$DB' and backend_type = 'client backend'") connections to $DB"
}

# run_pgbench <scenario> <phase> <repeat> <seconds> <smin> <smax> <seats>
run_pgbench() {
  local sc=$1 ph=$2 rep=$3 secs=$4 smin=$5 smax=$6 seats=$7
  local out="$WORK/pgbench-$sc-$ph-$rep.txt" tf="$WORK/time-$sc-raw-$ph-$rep" lp="$WORK/pgl-$sc-$ph-$rep"
  local before after t0 t1 js r0 r1
  wait_pool_idle
  r0=$(psql -d "$DB" -Atc "select count(*) from reservation where user_id = 'raw-bench'")
  before=$(cpu_snap); t0=$(now_s)
  /usr/bin/time -f 'LOADCPU %U %S' -o "$tf" \
    pgbench -n -M prepared -c "$CONN" -j $THREADS -T "$secs" -f bench/pgbench/hold.sql \
      -D concert="$CONCERT" -D smin="$smin" -D smax="$smax" -D seats="$seats" \
      -l --log-prefix="$lp" "$DB" >"$out" 2>&1 \
    || { cat "$out" >&2; die "pgbench failed ($sc)"; }
  t1=$(now_s); after=$(cpu_snap)
  r1=$(psql -d "$DB" -Atc "select count(*) from reservation where user_id = 'raw-bench'")
  js=$(python3 bench/report.py pgbench "$out" "$lp") || die "could not parse pgbench output ($sc)"
  rm -f "$lp".*
  [[ $(jq -r .failed <<<"$js") == 0 ]] || { cat "$out" >&2; die "pgbench transactions failed ($sc)"; }
  js=$(jq -c --argjson held $((r1 - r0)) '. + {held: $held}' <<<"$js")
  record "$sc" raw "$ph" "$rep" "$js" "$before" "$after" "$(python3 -c "print($t1-$t0)")" "$tf"
  log "  raw     $sc $ph#$rep: $(jq -r '"\(.rps|floor) tx/s, p50 \(.p50_ms*100|floor/100) ms, p99 \(.p99_ms*100|floor/100) ms, held \(.held)"' <<<"$js")"
  echo "$js" >"$WORK/last.json"
}

# run_pgbench_pay <scenario> <phase> <repeat> <seconds> <connections> <wallets> [pgbench option...]
run_pgbench_pay() {
  local sc=$1 ph=$2 rep=$3 secs=$4 conns=$5 wallets=$6; shift 6
  local out="$WORK/pgbench-$sc-$ph-$rep.txt" tf="$WORK/time-$sc-raw-$ph-$rep" lp="$WORK/pgl-$sc-$ph-$rep"
  local before after t0 t1 js
  wait_pool_idle
  before=$(cpu_snap); t0=$(now_s)
  /usr/bin/time -f 'LOADCPU %U %S' -o "$tf" \
    pgbench -n -M prepared -c "$conns" -j $THREADS -T "$secs" -f bench/pgbench/pay.sql \
      -D clients="$conns" -D wallets="$wallets" -D k=0 "$@" \
      -l --log-prefix="$lp" "$DB" >"$out" 2>&1 \
    || { cat "$out" >&2; die "pgbench failed ($sc): did it run out of prepared reservations? (BENCH_PAY_RAW_MAX_TPS)"; }
  t1=$(now_s); after=$(cpu_snap)
  js=$(python3 bench/report.py pgbench "$out" "$lp") || die "could not parse pgbench output ($sc)"
  rm -f "$lp".*
  [[ $(jq -r .failed <<<"$js") == 0 ]] || { cat "$out" >&2; die "pgbench transactions failed ($sc)"; }
  js=$(jq -c --argjson c "$conns" '. + {connections: $c}' <<<"$js")
  record "$sc" raw "$ph" "$rep" "$js" "$before" "$after" "$(python3 -c "print($t1-$t0)")" "$tf" "${NOTE:-}"
  log "  raw     $sc $ph#$rep: $(jq -r '"\(.rps|floor) tx/s, p50 \(.p50_ms*100|floor/100) ms, p99 \(.p99_ms*100|floor/100) ms"' <<<"$js") ($conns connections)"
  echo "$js" >"$WORK/last.json"
}

check() { # name ok(0/1) detail
  local ok=false; [[ $2 == 1 ]] && ok=true
  jq -nc --arg n "$1" --argjson ok $ok --arg d "$3" '{name:$n, ok:$ok, detail:$d}' >>"$CHECKS"
  if [[ $ok == false ]]; then log "CHECK FAILED: $1 ($3)"; FAILED=1; else log "check ok: $1 ($3)"; fi
}

# ---------------------------------------------------------------------------------------------- 1. queue entry
SC=queue_entry
log "scenario 1: queue entry ($CONN connections, $FANS fans)"
api PUT "/api/v1/admin/concerts/$CONCERT/queue" '{"maxActive": 0}' >/dev/null
RAW_CONCERT=$((CONCERT + 1000000))
RAW_ROOM="${PREFIX}{c${RAW_CONCERT}}:"
# the room's keys as RedisQueueStore.keys() lists them (11 since the signed tokens, D32/D33)
KEYS9=("${RAW_ROOM}waiting" "${RAW_ROOM}active" "${RAW_ROOM}user-token" "${RAW_ROOM}token-user" "${RAW_ROOM}since"
       "${RAW_ROOM}max-active" "${RAW_ROOM}rate" "${PREFIX}rooms" "${RAW_ROOM}waiting-seen"
       "${RAW_ROOM}max-active-version" "${RAW_ROOM}restored")
"${RCLI[@]}" SET "${RAW_ROOM}max-active" 0 >/dev/null
# the service runs enter.lua with the shared functions of gcra.lua and restore.lua in front (adapters.redis.LuaScript);
# the raw call counts no rate-limit buckets (the service does: its cost is part of the service/raw ratio)
SHA=$(cat src/main/resources/redis/gcra.lua <(echo) src/main/resources/redis/restore.lua <(echo) src/main/resources/redis/enter.lua <(echo) | "${RCLI[@]}" -x SCRIPT LOAD)
[[ $SHA =~ ^[0-9a-f]{40}$ ]] || die "SCRIPT LOAD failed: $SHA"
NOW_MS=$(($(date +%s) * 1000))
# ARGV: user, token, now, max-active, TTL, concert, arrival order, no returning token ('' '' ''), restore window
ENTER_CMD=(EVALSHA "$SHA" 11 "${KEYS9[@]}" "rawfan:__rand_int__" "${RAW_CONCERT}.rawtoken__rand_int__" "$NOW_MS" 100 3600000
           "$RAW_CONCERT" "$((NOW_MS * 1000))" "" "" "" 3600000)
# a sanity call, then calibrate the request count of redis-benchmark (it runs for -n requests, not seconds)
"${RCLI[@]}" EVALSHA "$SHA" 11 "${KEYS9[@]}" rawfan:check "${RAW_CONCERT}.check" "$NOW_MS" 100 3600000 "$RAW_CONCERT" \
  "$((NOW_MS * 1000))" "" "" "" 3600000 >/dev/null \
  || die "EVALSHA enter.lua failed"
run_redis $SC warmup 0 $((WARM * 20000)) "${ENTER_CMD[@]}"
N_ENTER=$(jq -r "(.rps * $DUR) | floor" "$WORK/last.json")
run_wrk $SC warmup 0 "$WARM" enter "$FAN_FILE" BENCH_CONCERT="$CONCERT"
for r in $(seq 1 "$REPEATS"); do
  run_redis $SC measure "$r" "$N_ENTER" "${ENTER_CMD[@]}"
  run_wrk $SC measure "$r" "$DUR" enter "$FAN_FILE" BENCH_CONCERT="$CONCERT"
done
ROOM="${PREFIX}{c${CONCERT}}:"
WAITING=$("${RCLI[@]}" ZCARD "${ROOM}waiting")
ENTERED=$("${RCLI[@]}" HLEN "${ROOM}user-token")
# how many distinct fans the timed runs reached depends on throughput; none may hold two places
check "queue entry: every fan who entered waits exactly once" \
  $([[ $WAITING -eq $ENTERED && $WAITING -le $FANS && $WAITING -gt 0 ]] && echo 1 || echo 0) \
  "waiting set has $WAITING tokens for $ENTERED fans who entered ($FANS in the fan list, maxActive 0)"

# ---------------------------------------------------------------------------------------------- 2. polling
SC=position_polling
log "scenario 2: position polling"
"${RCLI[@]}" HGETALL "${ROOM}user-token" >"$WORK/user-token"
# fan file line i has sub subs[i]: join with Redis' user -> token hash
paste -d' ' "$WORK/subs" "$FAN_FILE" | python3 -c "
import sys
lines=[l.strip() for l in open('$WORK/user-token') if l.strip()]
m=dict(zip(lines[0::2], lines[1::2]))
n=0
with open('$WORK/fans-with-tokens','w') as out:
    for row in sys.stdin:
        sub, jwt = row.split()
        if sub in m:
            out.write(jwt+' '+m[sub]+'\n'); n+=1
print(n)" >"$WORK/nt"
[[ $(cat "$WORK/nt") -eq $ENTERED && $ENTERED -gt 0 ]] || die "$(cat "$WORK/nt") fans matched a queue token, expected $ENTERED"
if want position_polling; then
# raw: a sorted set as large as the service's waiting set, members rawm:<12-digit n> like __rand_int__
RAW_WAIT="${RAW_ROOM}poll-waiting"
python3 -c "
import sys
n=int(sys.argv[1]); key=sys.argv[2]
def cmd(*a):
    return '*%d\r\n' % len(a) + ''.join('\$%d\r\n%s\r\n' % (len(x.encode()), x) for x in a)
out=sys.stdout
for i in range(n):
    out.write(cmd('ZADD', key, str(i), 'rawm:%012d' % i))" "$WAITING" "$RAW_WAIT" | "${RCLI[@]}" --pipe >/dev/null
POLL_CMD=(ZRANK "$RAW_WAIT" "rawm:__rand_int__")
run_redis $SC warmup 0 $((WARM * 40000)) "${POLL_CMD[@]}"
N_POLL=$(jq -r "(.rps * $DUR) | floor" "$WORK/last.json")
run_wrk $SC warmup 0 "$WARM" poll "$WORK/fans-with-tokens"
for r in $(seq 1 "$REPEATS"); do
  run_redis $SC measure "$r" "$N_POLL" "${POLL_CMD[@]}"
  run_wrk $SC measure "$r" "$DUR" poll "$WORK/fans-with-tokens"
done
# Latency below saturation: the same polling at 70 % of the service's median peak, paced (fixed overall
# rate, bench/paced/paced.js on autocannon), so queueing inside the service does not hide in the figure.
PEAK=$(jq -s '[.[] | select(.scenario == "position_polling" and .side == "service" and .phase == "measure") | .rps]
              | sort | .[(length / 2 | floor)]' "$RUNS")
PACED_RATE=$(python3 -c "print(max(1, int($PEAK * 0.7)))")
log "  paced   $SC at $PACED_RATE req/s (70 % of $(printf '%.0f' "$PEAK"))"
wait_pool_idle
before=$(cpu_snap); t0=$(now_s)
js=$(/usr/bin/time -f 'LOADCPU %U %S' -o "$WORK/time-paced" \
  node bench/paced/paced.js "$BASE" "$WORK/fans-with-tokens" "$PACED_RATE" "$DUR" "$CONN") || die "paced polling failed"
t1=$(now_s); after=$(cpu_snap)
js=$(jq -c --argjson peak "$PEAK" '. + {peak_rps: $peak}' <<<"$js")
record position_polling_paced service paced 1 "$js" "$before" "$after" "$(python3 -c "print($t1-$t0)")" "$WORK/time-paced"
log "  paced   $SC: $(jq -r '"\(.rps|floor) req/s of \(.target_rps) target, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, p99.9 \(.p999_ms) ms, non-2xx \(.non2xx), errors \(.errors)"' <<<"$js")"
check "paced polling: no errors, only 200s" \
  $([[ $(jq -r '.non2xx + .errors' <<<"$js") == 0 ]] && echo 1 || echo 0) "$(jq -r '"\(.requests) requests, \(.non2xx) non-2xx, \(.errors) errors"' <<<"$js")"
fi

# ---------------------------------------------------------------------------------------------- admission
# The service runs with queue.admit-interval=1h (its scheduler stays out of the way): one trigger of the
# queue-admission job moves every WAITING fan to ACTIVE (one admit.lua call per concert). Raw: the same
# script on the raw room's waiting set. Rate = fans admitted / wall time of the call (curl, redis-cli).
if want admission || want hold_random || want hold_hot || want payment_random || want payment_hot; then
log "admission: admitting the $ENTERED fans who entered (maxActive 1000000)"
if want admission; then
  "${RCLI[@]}" SET "${RAW_ROOM}max-active" 1000000 >/dev/null
  ADMIT_SHA=$("${RCLI[@]}" -x SCRIPT LOAD <src/main/resources/redis/admit.lua)
  RAW_WAITING=$("${RCLI[@]}" ZCARD "${RAW_ROOM}waiting")
  before=$(cpu_snap); t0=$(now_s)
  n=$("${RCLI[@]}" EVALSHA "$ADMIT_SHA" 11 "${KEYS9[@]}" "$(($(date +%s) * 1000))" 1000000 3600000 "$RAW_CONCERT" 1 3600000 | head -1)
  t1=$(now_s); after=$(cpu_snap)
  js=$(python3 -c "import json,sys; n,s=int(sys.argv[1]),float(sys.argv[2]); print(json.dumps({'requests':n,'rps':n/s,'p50_ms':None,'p99_ms':None,'p999_ms':None,'mean_ms':s*1000,'max_ms':s*1000}))" "$n" "$(python3 -c "print($t1-$t0)")")
  record admission raw measure 1 "$js" "$before" "$after" "$(python3 -c "print($t1-$t0)")" /dev/null "one EVALSHA admit.lua admitting $n of $RAW_WAITING waiting"
  log "  raw     admission: $n fans in $(python3 -c "print(round(($t1-$t0)*1000,1))") ms"
fi
api PUT "/api/v1/admin/concerts/$CONCERT/queue" '{"maxActive": 1000000}' >/dev/null
before=$(cpu_snap); t0=$(now_s)
ADMITTED=$(api POST /api/v1/admin/jobs/queue-admission/run | jq -r .processed) || die "triggering queue-admission failed"
t1=$(now_s); after=$(cpu_snap)
if want admission; then
  js=$(python3 -c "import json,sys; n,s=int(sys.argv[1]),float(sys.argv[2]); print(json.dumps({'requests':n,'rps':n/s,'p50_ms':None,'p99_ms':None,'p999_ms':None,'mean_ms':s*1000,'max_ms':s*1000,'status':{}}))" "$ADMITTED" "$(python3 -c "print($t1-$t0)")")
  record admission service measure 1 "$js" "$before" "$after" "$(python3 -c "print($t1-$t0)")" /dev/null "one POST /api/v1/admin/jobs/queue-admission/run admitting $ADMITTED"
  log "  service admission: $ADMITTED fans in $(python3 -c "print(round(($t1-$t0)*1000,1))") ms"
fi
for i in $(seq 1 60); do
  ACTIVE=$(api GET "/api/v1/admin/concerts/$CONCERT/queue" | jq -r .active)
  [[ $ACTIVE -ge $ENTERED ]] && break
  sleep 1
  [[ $i == 60 ]] && die "only $ACTIVE of $ENTERED fans were admitted within 60 s"
done
log "all $ACTIVE fans are ACTIVE"
fi

q() { # one query, retried while PostgreSQL refuses connections (max_connections is shared with the service's pool)
  local out i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    out=$(psql -d "$DB" -Atc "$1" 2>&1) && { echo "$out"; return 0; }
    sleep 1
  done
  log "query failed: $out"; return 1
}
# Every hold run starts from the same state: every seat AVAILABLE, no reservation (otherwise the raw
# runs would use up the seats and the service would only see refusals, or the other way round).
reset_holds() {
  q "BEGIN; UPDATE seat SET status = 'AVAILABLE', reservation_id = NULL, hold_expires_at = NULL WHERE status <> 'AVAILABLE';
     DELETE FROM reservation; DELETE FROM outbox_event; COMMIT;" >/dev/null
  psql -q -d "$DB" -c "VACUUM ANALYZE seat, reservation, outbox_event" >/dev/null
}
DB_RUNS=0; DB_DOUBLE=0; DB_MISMATCH=0; DB_ORPHAN=0; DB_NEG=0; DB_HOT=0; DB_201=0; DB_ROWS=0; DB_COUNT_BAD=0
db_checks() { # after a service hold run, before the next reset
  local label=$1 n js c201 rows
  DB_RUNS=$((DB_RUNS + 1))
  n=$(q "select count(*) from (select seat_id from reservation
         where status = 'CONFIRMED' or (status = 'HELD' and expires_at > now()) group by seat_id having count(*) > 1) x")
  DB_DOUBLE=$((DB_DOUBLE + n))
  n=$(q "select count(*) from seat s left join reservation r on r.id = s.reservation_id
         where s.status in ('HELD','SOLD') and (r.id is null or r.seat_id <> s.id)")
  DB_MISMATCH=$((DB_MISMATCH + n))
  n=$(q "select count(*) from reservation r join seat s on s.id = r.seat_id
         where r.status = 'HELD' and r.expires_at > now() and s.reservation_id is distinct from r.id")
  DB_ORPHAN=$((DB_ORPHAN + n))
  n=$(q "select count(*) from wallet where balance < 0")
  DB_NEG=$((DB_NEG + n))
  n=$(q "select count(*) from reservation where schedule_id = $HOT_SID")
  ((n > HOT_SEATS)) && DB_HOT=$((DB_HOT + 1))
  c201=$(jq -r '.status["201"] // 0' "$WORK/last.json")
  rows=$(q "select count(*) from reservation where user_id <> 'raw-bench'")
  DB_201=$((DB_201 + c201)); DB_ROWS=$((DB_ROWS + rows))
  ((rows >= c201 && rows <= c201 + CONN)) || { DB_COUNT_BAD=$((DB_COUNT_BAD + 1)); log "  $label: $c201 x 201 but $rows rows"; }
}

for SC in hold_random hold_hot; do
  want $SC || continue
  if [[ $SC == hold_random ]]; then
    log "scenario 3: hold a random seat out of $SEEDED"
    LO=$SMIN; HI=$SMAX; NS=$SEATS
  else
    log "scenario 4: hold one of $HOT_SEATS hot seats"
    LO=$HOT_SID; HI=$HOT_SID; NS=$HOT_SEATS
  fi
  for r in $(seq 0 "$REPEATS"); do
    ph=measure; secs=$DUR; [[ $r == 0 ]] && { ph=warmup; secs=$WARM; }
    reset_holds
    run_pgbench $SC $ph "$r" "$secs" "$LO" "$HI" "$NS"
    reset_holds
    fill_pool "$CONN"
    run_wrk $SC $ph "$r" "$secs" hold "$WORK/fans-with-tokens" BENCH_SCHED_MIN="$LO" BENCH_SCHED_MAX="$HI" BENCH_SEATS="$NS"
    db_checks "$SC $ph#$r"
  done
done

# ---------------------------------------------------------------------------------------------- 5./6. payments
# Each payment needs a HELD reservation of the paying fan and a wallet that covers it. Before every run
# (raw and service alike) the database is reset and, in SQL, up to $PAY_MAX reservations are prepared on
# the random-hold seats, with wallets charged (a CHARGE ledger entry each) to exactly their sum.
# Service reservation i belongs to fan (i-1) % W of the fan list (W = all fans, or the first 10: hot
# wallets); raw reservation n to 'rawpay' || (n % W). bench/pgbench/pay.sql replays the service's SQL.
HOT_WALLETS=10
PAY_SVC_MAX_RPS=${BENCH_PAY_MAX_RPS:-2500}
PAY_RAW_MAX_TPS=${BENCH_PAY_RAW_MAX_TPS:-8000}
PAY_RUNS=0; PAY_NEG=0; PAY_LEDGER=0; PAY_DOUBLE=0; PAY_SOLD_BAD=0; PAY_UNPAID=0; PAY_COUNT_BAD=0; PAY_201=0; PAY_ROWS=0
reset_payments() {
  q "BEGIN; DELETE FROM payment; DELETE FROM wallet_transaction; DELETE FROM wallet; DELETE FROM idempotency_key;
     UPDATE seat SET status = 'AVAILABLE', reservation_id = NULL, hold_expires_at = NULL WHERE status <> 'AVAILABLE';
     DELETE FROM reservation; DELETE FROM outbox_event; COMMIT;" >/dev/null
}
# prepare_payments <side svc|raw> <count> <wallets>
prepare_payments() {
  local side=$1 n=$2 w=$3 half=$((FANS / 2)) rid uid
  if [[ $side == svc ]]; then
    rid="md5('svcpay-' || rn)::uuid"
    uid="CASE WHEN (rn - 1) % $w < $half THEN 'benchfan' || ((rn - 1) % $w + 1) ELSE 'benchfanb' || ((rn - 1) % $w - $half + 1) END"
  else
    rid="md5('rawpay-' || (rn - 1))::uuid"; uid="'rawpay' || ((rn - 1) % $w)"
  fi
  reset_payments
  q "BEGIN;
     CREATE TEMP TABLE prep ON COMMIT DROP AS
       SELECT s.id, s.schedule_id, s.number, s.price, $rid AS rid, $uid AS uid
       FROM (SELECT id, schedule_id, number, price, row_number() OVER (ORDER BY id) AS rn FROM seat
             WHERE schedule_id BETWEEN $SMIN AND $SMAX ORDER BY id LIMIT $n) s;
     UPDATE seat SET status = 'HELD', reservation_id = p.rid, hold_expires_at = now() + interval '1 hour'
       FROM prep p WHERE seat.id = p.id;
     INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price, status, expires_at, created_at, updated_at)
       SELECT rid, uid, $CONCERT, schedule_id, id, number, price, 'HELD', now() + interval '1 hour', now(), now() FROM prep;
     INSERT INTO wallet (user_id, balance, updated_at) SELECT uid, sum(price), now() FROM prep GROUP BY uid;
     INSERT INTO wallet_transaction (id, user_id, type, amount, balance_after, created_at)
       SELECT gen_random_uuid(), user_id, 'CHARGE', balance, balance, now() FROM wallet;
     COMMIT;" >/dev/null
  q "VACUUM ANALYZE seat, reservation, wallet, wallet_transaction, payment, idempotency_key, outbox_event" >/dev/null
}
# pay_list <count> <wallets> <file>: line i = "<jwt of the owner> <reservation id>" (same ids as prepare_payments svc)
pay_list() {
  python3 - "$1" "$2" "$FAN_FILE" >"$3" <<'PY'
import hashlib, sys
n, w, fan_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
jwts = [l.strip() for l in open(fan_file) if l.strip()]
for rn in range(1, n + 1):
    h = hashlib.md5(f"svcpay-{rn}".encode()).hexdigest()
    print(jwts[(rn - 1) % w], f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
PY
}
pay_checks() { # after a service payment run, before the next reset
  local label=$1 n c201 rows
  PAY_RUNS=$((PAY_RUNS + 1))
  n=$(q "select count(*) from wallet where balance < 0")
  PAY_NEG=$((PAY_NEG + n))
  n=$(q "select count(*) from wallet w left join (select user_id,
           sum(case type when 'PAYMENT' then -amount else amount end) as s from wallet_transaction group by user_id) l
         using (user_id) where w.balance <> coalesce(l.s, 0)")
  PAY_LEDGER=$((PAY_LEDGER + n))
  n=$(q "select count(*) from (select seat_id from reservation where status = 'CONFIRMED' group by seat_id having count(*) > 1) x")
  PAY_DOUBLE=$((PAY_DOUBLE + n))
  n=$(q "select count(*) from seat s left join reservation r on r.id = s.reservation_id
         where s.status = 'SOLD' and (r.status is distinct from 'CONFIRMED' or r.seat_id <> s.id)")
  PAY_SOLD_BAD=$((PAY_SOLD_BAD + n))
  n=$(q "select (select count(*) from reservation where status = 'CONFIRMED') - (select count(*) from payment)
            + (select count(*) from payment p join reservation r on r.id = p.reservation_id where r.status <> 'CONFIRMED')")
  PAY_UNPAID=$((PAY_UNPAID + ${n#-}))
  c201=$(jq -r '.status["201"] // 0' "$WORK/last.json")
  rows=$(q "select count(*) from payment")
  PAY_201=$((PAY_201 + c201)); PAY_ROWS=$((PAY_ROWS + rows))
  ((rows >= c201 && rows <= c201 + CONN)) || { PAY_COUNT_BAD=$((PAY_COUNT_BAD + 1)); log "  $label: $c201 x 201 but $rows payments"; }
}

PAY_FIRST=0; PAY_SCENARIOS=(payment_random payment_hot_32 payment_hot)
# --quick: no warm-up and no 32-connection variant, to stay within CI's two minutes
[[ $MODE == quick ]] && { PAY_FIRST=1; PAY_SCENARIOS=(payment_random payment_hot); }
for SC in "${PAY_SCENARIOS[@]}"; do
  base=$SC; [[ $SC == payment_hot_32 ]] && base=payment_hot
  want $base || continue
  PCONN=$CONN; W=$FANS
  case $SC in
    payment_random) log "scenario 5: pay a HELD reservation, $FANS wallets ($PCONN connections)" ;;
    payment_hot_32) PCONN=32; W=$HOT_WALLETS; log "scenario 6a: pay, $HOT_WALLETS hot wallets, $PCONN connections" ;;
    payment_hot) W=$HOT_WALLETS; log "scenario 6b: pay, $HOT_WALLETS hot wallets, $PCONN connections" ;;
  esac
  for r in $(seq "$PAY_FIRST" "$REPEATS"); do
    ph=measure; secs=$DUR; [[ $r == 0 ]] && { ph=warmup; secs=$WARM; }
    NRAW=$((PAY_RAW_MAX_TPS * secs)); NSVC=$((PAY_SVC_MAX_RPS * secs)); RATE=(); NOTE=""
    # too few seats for the pool (--quick): cap pgbench's rate so it cannot run out (latency then counts
    # from the scheduled start); wrk has no cap: if its list wraps, a repeated payment is a 409
    if ((NRAW > SEEDED)); then
      NRAW=$SEEDED; RATE=(--rate=$((NRAW * 9 / 10 / secs)))
      NOTE="raw side rate-capped at ${RATE[0]#--rate=} tx/s (only $NRAW seats to prepare): its latency counts from the scheduled start"
    fi
    ((NSVC > SEEDED)) && NSVC=$SEEDED
    prepare_payments raw "$NRAW" "$W"
    run_pgbench_pay $SC $ph "$r" "$secs" "$PCONN" "$W" "${RATE[@]}"
    prepare_payments svc "$NSVC" "$W"
    pay_list "$NSVC" "$W" "$WORK/pay-list"
    fill_pool "$PCONN" fillread
    WRK_CONN=$PCONN run_wrk $SC $ph "$r" "$secs" pay "$WORK/pay-list"
    pay_checks "$SC $ph#$r"
  done
done

# ---------------------------------------------------------------------------------------------- 7. journey
# The whole fan journey as a mix: enter the waiting room (straight to ACTIVE: maxActive is high), list
# the dates, list one date's seats, hold a random seat (another on 409), top up the wallet, pay. Each
# wrk thread owns one connection and one fan at a time (bench/wrk/journey.lua). No raw baseline: it is
# the sum of the scenarios above; the figure is journeys per second and the latency of every request.
J_RUNS=0; J_NEG=0; J_LEDGER=0; J_DOUBLE=0
if want journey; then
  SC=journey
  log "scenario 7: full journey mix ($CONN connections, $J_SCHEDULES dates × $J_SEATS seats)"
  api PUT "/api/v1/admin/concerts/$JCONCERT/queue" '{"maxActive": 1000000}' >/dev/null
  for r in $(seq 0 "$REPEATS"); do
    ph=measure; secs=$DUR; [[ $r == 0 ]] && { ph=warmup; secs=$WARM; }
    [[ $MODE == quick && $r == 0 ]] && continue
    reset_payments
    out="$WORK/wrk-journey-$ph-$r.txt"; tf="$WORK/time-journey-$ph-$r"
    before=$(cpu_snap); t0=$(now_s)
    env BENCH_USERS="$FAN_FILE" BENCH_THREADS="$CONN" BENCH_CONCERT="$JCONCERT" BENCH_SCHED_MIN="$J_SMIN" \
      BENCH_SCHED_MAX="$J_SMAX" BENCH_SEATS="$J_SEATS" BENCH_PRICE="$J_PRICE" \
      /usr/bin/time -f 'LOADCPU %U %S' -o "$tf" \
      wrk -t"$CONN" -c"$CONN" -d"${secs}s" --timeout 10s --latency -s bench/wrk/journey.lua "$BASE" >"$out" 2>&1 \
      || { cat "$out" >&2; die "wrk failed (journey $ph)"; }
    t1=$(now_s); after=$(cpu_snap)
    js=$(grep '^JSON:' "$out" | sed 's/^JSON://') || { cat "$out" >&2; die "wrk printed no result (journey)"; }
    record journey service "$ph" "$r" "$js" "$before" "$after" "$(python3 -c "print($t1-$t0)")" "$tf"
    log "  service journey $ph#$r: $(jq -r '"\(.journeys_per_s|floor) journeys/s, \(.rps|floor) req/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, \(.lost_seats) lost seats, status \(.status|tostring)"' <<<"$js")"
    J_RUNS=$((J_RUNS + 1))
    J_NEG=$((J_NEG + $(q "select count(*) from wallet where balance < 0")))
    J_LEDGER=$((J_LEDGER + $(q "select count(*) from wallet w left join (select user_id,
           sum(case type when 'PAYMENT' then -amount else amount end) as s from wallet_transaction group by user_id) l
         using (user_id) where w.balance <> coalesce(l.s, 0)")))
    J_DOUBLE=$((J_DOUBLE + $(q "select count(*) from (select seat_id from reservation where status = 'CONFIRMED'
           group by seat_id having count(*) > 1) x")))
    n=$(jq -r '.journeys' <<<"$js")
    rows=$(q "select count(*) from payment")
    ((rows >= n && n > 0)) || { J_DOUBLE=$((J_DOUBLE + 1)); log "  journey $ph#$r: $n journeys but $rows payments"; }
  done
fi

# ---------------------------------------------------------------------------------------------- correctness
log "correctness checks"
ok() { [[ $1 == 0 ]] && echo 1 || echo 0; }
if ((DB_RUNS > 0)); then
after="after each of the $DB_RUNS service hold runs"
check "no seat held or sold twice (live reservations per seat ≤ 1)" "$(ok $DB_DOUBLE)" "$DB_DOUBLE seats with more than one live reservation, $after"
check "every held seat points at its own reservation" "$(ok $DB_MISMATCH)" "$DB_MISMATCH mismatches, $after"
check "every live hold owns its seat row" "$(ok $DB_ORPHAN)" "$DB_ORPHAN mismatches, $after"
check "no negative balance" "$(ok $DB_NEG)" "$DB_NEG wallets below 0, $after"
check "hot seats: at most $HOT_SEATS reservations" "$(ok $DB_HOT)" "$DB_HOT runs over the limit"
check "every 201 from a hold is a reservation row" "$(ok $DB_COUNT_BAD)" "$DB_201 × 201 seen by wrk, $DB_ROWS service reservations in total (up to $CONN per run may be in flight when wrk stops)"
fi
if ((PAY_RUNS > 0)); then
after="after each of the $PAY_RUNS service payment runs"
check "payments: no negative balance" "$(ok $PAY_NEG)" "$PAY_NEG wallets below 0, $after"
check "payments: every balance equals the sum of its ledger" "$(ok $PAY_LEDGER)" "$PAY_LEDGER wallets differ from their ledger, $after"
check "payments: no seat sold twice" "$(ok $PAY_DOUBLE)" "$PAY_DOUBLE seats with more than one CONFIRMED reservation, $after"
check "payments: every SOLD seat belongs to its CONFIRMED reservation" "$(ok $PAY_SOLD_BAD)" "$PAY_SOLD_BAD mismatches, $after"
check "payments: one payment per CONFIRMED reservation" "$(ok $PAY_UNPAID)" "$PAY_UNPAID mismatches, $after"
check "every 201 from a payment is a payment row" "$(ok $PAY_COUNT_BAD)" "$PAY_201 × 201 seen by wrk, $PAY_ROWS payments in total (up to $CONN per run may be in flight when wrk stops)"
fi
for sc in queue_entry position_polling hold_random hold_hot payment_random payment_hot_32 payment_hot journey; do
  want "${sc%_32}" || [[ $sc == queue_entry ]] || continue
  s=$(jq -s --arg sc "$sc" '[.[] | select(.side=="service" and .scenario==$sc) | .status | to_entries[]] | group_by(.key) | map("\(.[0].key): \(map(.value) | add)") | join(", ")' "$RUNS" | tr -d '"')
  bad=$(jq -s --arg sc "$sc" '[.[] | select(.side=="service" and .scenario==$sc) | .status | to_entries[]
          | select((.key|tonumber) >= 500 or ((.key|tonumber) >= 300 and ($sc|startswith("hold") or startswith("payment") or startswith("journey")|not)) or ((.key|tonumber) >= 300 and .key != "409"))
          | .value] | add // 0' "$RUNS")
  check "$sc: no 5xx$([[ $sc == hold* || $sc == payment* || $sc == journey ]] && echo ', only 409 besides 2xx' || echo ', only 2xx')" "$(ok "$bad")" "${s:-no responses} (all runs incl. warm-up)"
done
if ((J_RUNS > 0)); then
check "journey: no negative balance, balances equal their ledger, no seat sold twice, a payment per journey" \
  "$(ok $((J_NEG + J_LEDGER + J_DOUBLE)))" "$J_NEG negative, $J_LEDGER ledger differences, $J_DOUBLE seats sold twice or journeys without payment, after each of $J_RUNS runs"
fi
grep -q ' ERROR ' "$WORK/app.log" && log "note: the service logged errors (see $WORK/app.log)" || true

# ---------------------------------------------------------------------------------------------- report
END_TS=$(date +%s)
CPU=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
python3 - >"$WORK/meta.json" <<EOF
import json
print(json.dumps({
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)", "mode": "$MODE", "git": "$(git rev-parse --short HEAD 2>/dev/null)$([[ -n $(git status --porcelain -- src 2>/dev/null) ]] && echo ' (src modified)')",
  "cpu": "$CPU", "cores": $(nproc), "mem": "$(free -g | awk '/^Mem:/ {print $2 " GiB"}')",
  "os": "$(. /etc/os-release; echo "$PRETTY_NAME")", "java": "$(java -version 2>&1 | head -1 | tr -d '"')",
  "postgres": "$(psql -d postgres -Atc 'show server_version')", "postgres_cluster": "$PG_MODE$([[ $PG_MODE == own ]] && echo " (max_connections $(psql -d postgres -Atc 'show max_connections'), pool $POOL_MIN..$CONN)")", "redis": "$("${RCLI[@]}" info server | sed -n 's/^redis_version://p' | tr -d '\r')",
  "wrk": "$(wrk -v 2>&1 | head -1 | awk '{print $2}')",
  "connections": $CONN, "duration_s": $DUR, "warmup_s": $WARM, "repeats": $REPEATS, "fans": $FANS,
  "seats": "$SEEDED ($SCHEDULES schedules × $SEATS) + $HOT_SEATS hot", "runtime_s": $((END_TS - START_TS)),
  "db_pattern": "bench_<pid>_<epoch>", "full_runtime_hint": "25 minutes"}))
EOF
mkdir -p "$OUT/benchmarks"
cp "$RUNS" "$CHECKS" "$WORK/meta.json" "$WORK/" 2>/dev/null || true
python3 bench/report.py report "$WORK" "$OUT/benchmarks/results.json" "$OUT/benchmarks.md" "$OUT/benchmarks" \
  || die "writing the report failed"
log "wrote $OUT/benchmarks.md, $OUT/benchmarks/results.json and charts in $(( $(date +%s) - START_TS )) s"
jq -r '.scenarios | to_entries[] | "\(.key): service/raw throughput \(if .value.ratio.throughput then (.value.ratio.throughput*100|floor/100) else "n/a" end), p99 \(.value.service.p99_ms) ms vs raw \(.value.raw.p99_ms) ms, target \(if .value.target.met then "met" else "NOT met" end)"' \
  "$OUT/benchmarks/results.json" >&2
if [[ $FAILED -ne 0 ]]; then
  log "correctness checks failed (see $OUT/benchmarks.md)"
  exit 1
fi
