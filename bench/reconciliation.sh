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
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

MODE=full
[[ "${1:-}" == "--quick" ]] && MODE=quick
if [[ $MODE == quick ]]; then
  ROWS=${RECON_ROWS:-20000}; OUT_JSON=target/bench-quick/reconciliation.json; DOC=""
else
  ROWS=${RECON_ROWS:-1000000}; OUT_JSON=docs/benchmarks/reconciliation.json; DOC=docs/reconciliation.md
fi
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DATE=2025-06-01
ID="$$_$(date +%s)"; DB="recon_bench_${ID}"
WORK=$(mktemp -d /tmp/recon-bench.XXXXXX)
APP_PID=""
log() { printf '[recon-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
cleanup() {
  local rc=$?
  set +e
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1
  if [[ $rc -ne 0 ]]; then log "exit status $rc; work files kept in $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT

# shellcheck disable=SC1091
source scripts/java.sh >/dev/null
# shellcheck source=bench/lib.sh
source bench/lib.sh
psql -d postgres -Atc 'select 1' >/dev/null || die "PostgreSQL is not reachable (scripts/services.sh)"
JAR=target/quarkus-app/quarkus-run.jar
if [[ ! -f $JAR || -n $(find src/main pom.xml -newer "$JAR" -print -quit) ]]; then
  log "building the jar"
  ./mvnw -B -q package -DskipTests || die "build failed"
fi

log "generating $ROWS payments for $DATE"
python3 bench/reconciliation/generate.py --date "$DATE" --rows "$ROWS" --inbox "$WORK/inbox" --topups "$WORK/topups.tsv"
LINES=$(($(cat "$WORK"/inbox/toss/*.csv | wc -l) - 3))
# the prod profile trusts no key of its own: the development pair (scripts/dev-keys.sh) signs and verifies here
PUBLIC_KEY=$(scripts/dev-keys.sh)
java bench/MintTokens.java ops 1 "$WORK/admin.jwt" admin
ADMIN=$(head -1 "$WORK/admin.jwt")

# the database, owned by the migrations' role; the service runs as the least-privilege app role (scripts/db-roles.sh)
scripts/db-roles.sh "$DB" >/dev/null
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
MPORT=$(free_port) # health and metrics: the management interface
MBASE="http://127.0.0.1:$MPORT"
log "starting the service on :$PORT with a 256 MB heap (db $DB)"
java -Xms256m -Xmx256m -Xlog:gc:file="$WORK/gc.log" \
  -Dquarkus.http.port="$PORT" -Dquarkus.management.port="$MPORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  -Dquarkus.datasource.username=booking_app -Dquarkus.datasource.password=booking_app \
  -Dquarkus.flyway.username=booking_owner -Dquarkus.flyway.password=booking_owner \
  -Dquarkus.scheduler.enabled=false \
  -Dqueue.redis.key-prefix="recon-bench-$ID:" \
  -Dmp.jwt.verify.publickey.location="$PUBLIC_KEY" \
  -Dmp.jwt.verify.issuer=concert-booking-dev \
  -Dqueue.token-secret="$(head -c 32 /dev/urandom | base64)" \
  -Dreconciliation.inbox="$WORK/inbox" \
  -Dreconciliation.providers.toss.fee-bps=320 \
  -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
wait_ready "$APP_PID" "$MBASE" "$WORK/app.log"

log "loading $(wc -l <"$WORK/topups.tsv") top-ups"
psql -q -d "$DB" -c "\\copy topup (id, user_id, provider, payment_key, order_id, amount, status, transaction_id, approved_at, created_at, updated_at) FROM '$WORK/topups.tsv'"
psql -q -d "$DB" -c "VACUUM ANALYZE topup" >/dev/null

log "reconciling $LINES lines"
T0=$(date +%s.%N)
curl -fs -X POST "$BASE/api/v1/admin/reconciliations" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' -d "{\"date\":\"$DATE\"}" >/dev/null || die "the trigger was refused"
STATUS=RUNNING
while [[ $STATUS == RUNNING ]]; do
  sleep 0.5
  curl -fs "$BASE/api/v1/admin/reconciliations/$DATE" -H "Authorization: Bearer $ADMIN" >"$WORK/report.json"
  STATUS=$(jq -r .status "$WORK/report.json")
  kill -0 "$APP_PID" 2>/dev/null || die "the service died during the run"
done
T1=$(date +%s.%N)
RSS_PEAK_KB=$(awk '/VmHWM/ {print $2}' "/proc/$APP_PID/status")
[[ $STATUS == COMPLETED ]] || { jq . "$WORK/report.json" >&2; die "the run ended $STATUS"; }

mkdir -p "$(dirname "$OUT_JSON")"
python3 - "$WORK" "$T0" "$T1" "$LINES" "$RSS_PEAK_KB" "$OUT_JSON" "$DOC" "$ROWS" <<'PY'
import json, re, sys, datetime, platform, subprocess
work, t0, t1, lines, rss_kb, out_json, doc, rows = sys.argv[1:]
report = json.load(open(f"{work}/report.json"))
expected = json.load(open(f"{work}/topups.tsv.expected.json"))["expected"]
ts = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
run_s = (ts(report["finishedAt"]) - ts(report["startedAt"])).total_seconds()
wall_s = float(t1) - float(t0)
steps, bad = [], []
for st in report["steps"]:
    got = {c: v["count"] for c, v in st["summary"]["categories"].items() if v["count"]}
    want = expected[st["kind"]]
    if got != want:
        bad.append(f'{st["kind"]}: got {got}, want {want}')
    sec = (ts(st["finishedAt"]) - ts(st["startedAt"])).total_seconds()
    steps.append({"kind": st["kind"], "rows": st["rowsRead"], "seconds": round(sec, 2),
                  "rowsPerSecond": round(st["rowsRead"] / sec), "categories": got})
gc = open(f"{work}/gc.log").read()
after = [int(m) for m in re.findall(r"->(\d+)M\(", gc)]
before = [int(m) for m in re.findall(r"(\d+)M->\d+M\(", gc)]
res = {
    "payments": int(rows), "lines": int(lines), "runSeconds": round(run_s, 2), "wallSeconds": round(wall_s, 2),
    "linesPerSecond": round(int(lines) / run_s), "heapMaxMB": 256,
    "heapPeakBeforeGcMB": max(before or [0]), "heapPeakAfterGcMB": max(after or [0]), "gcCount": len(after),
    "rssPeakMB": round(int(rss_kb) / 1024), "steps": steps, "countsMatchGenerator": not bad,
    "machine": f"{subprocess.getoutput('nproc')} cores, {platform.platform()}",
    "java": subprocess.getoutput("java -version 2>&1 | head -1"),
    "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
}
json.dump(res, open(out_json, "w"), indent=1)
print(json.dumps({k: v for k, v in res.items() if k != "steps"}))
for s in steps:
    print(f'  {s["kind"]:13} {s["rows"]:>9} lines {s["seconds"]:>7} s {s["rowsPerSecond"]:>8} lines/s')
if bad:
    print("COUNT MISMATCH:\n  " + "\n  ".join(bad)); sys.exit(1)
if doc:
    table = [
        f'Measured {res["date"]} on this machine ({res["machine"]}; {res["java"]}); `bench/reconciliation.sh`.',
        "",
        "| what | figure |", "|---|---|",
        f'| payments in the day | {res["payments"]:,} (toss layout, three files) |',
        f'| lines read | {res["lines"]:,} |',
        f'| run time (trigger → COMPLETED) | {res["runSeconds"]} s |',
        f'| **throughput** | **{res["linesPerSecond"]:,} lines/s** (target ≥ 50,000) |',
        f'| heap | fixed `-Xmx256m`; peak before GC {res["heapPeakBeforeGcMB"]} MB, after GC {res["heapPeakAfterGcMB"]} MB, {res["gcCount"]} collections |',
        f'| peak RSS of the JVM | {res["rssPeakMB"]} MB |',
        f'| category counts equal the generator\'s plan | {"yes" if not bad else "NO"} |',
        "", "| step | lines | seconds | lines/s (steps run in parallel) |", "|---|---|---|---|",
    ] + [f'| {s["kind"]} | {s["rows"]:,} | {s["seconds"]} | {s["rowsPerSecond"]:,} |' for s in steps]
    text = open(doc).read()
    text = re.sub(r"(<!-- bench:start -->\n).*?(<!-- bench:end -->)", lambda m: m.group(1) + "\n".join(table) + "\n" + m.group(2), text, flags=re.S)
    open(doc, "w").write(text)
PY
grep -o 'reconciliation [0-9a-f-]* .*: .*staged in.*' "$WORK/app.log" | cut -d' ' -f3- >&2 || true
log "done: $OUT_JSON"
