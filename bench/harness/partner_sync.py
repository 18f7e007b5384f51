"""Partner sync benchmark (issue #17, docs/sync.md): seeds reservations with their payment rows, runs the
service with a fixed 256 MB heap against a local stub of the membership app server (in this process),
syncs everything (section 1: new records), changes a quarter of the tracked records, syncs again
(section 2: changed records), checks every count against what was seeded, and reports records/s of each
section next to a raw COPY of the same rows.

  bench/partner-sync.sh            1,000,000 reservations: writes docs/benchmarks/partner-sync.json and the
                                   table between <!-- bench:start --> and <!-- bench:end --> in docs/sync.md
  bench/partner-sync.sh --quick    20,000 reservations, results to target/bench-quick/partner-sync.json (CI)

Environment: SYNC_ROWS (reservations), SYNC_BATCH (sync.batch-size, default 1000), PGHOST/PGPORT
(127.0.0.1:5432).
"""
import base64
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .common import ROOT, Exit, HttpError, guarded, die, free_port, http, log, on_term_exit, read, set_tag, show, use_jdk
from .postgres import drop_database, psql, psql_quiet, reachable, use_env_defaults
from .reconciliation import JAR, jar_outdated
from .service import Service, common_options
from .tokens import mint, public_key

TOKEN = "bench-app-server-token"
MEMBER = "member-"


class Stub:
    """The membership app server: accepts its members' records, counts what it gets, per section."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pages = {"NEW": 0, "CHANGED": 0}
        self.records = {"NEW": 0, "CHANGED": 0}
        self.seen_new = set()
        self.repeats = 0
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # headers and body leave in separate writes: without this, Nagle's algorithm holds the body
            # back until the client's delayed ACK of the headers (tens of milliseconds per page)
            disable_nagle_algorithm = True

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    self._answer(401, b"{}")
                    return
                batch = json.loads(body)
                records = batch["records"]
                accepted = [r["reservationId"] for r in records if r["userId"].startswith(MEMBER)]
                with stub.lock:
                    section = batch["section"]
                    stub.pages[section] += 1
                    stub.records[section] += len(records)
                    if section == "NEW":
                        for r in records:
                            if r["reservationId"] in stub.seen_new:
                                stub.repeats += 1
                            stub.seen_new.add(r["reservationId"])
                self._answer(200, json.dumps({"accepted": accepted}).encode())

            def _answer(self, status, data):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()


def seed(db, rows):
    """One concert, one schedule of `rows` seats, one reservation per seat: 40 % HELD, 40 % CONFIRMED with
    a payment row, 20 % EXPIRED; even seat numbers are members of the app server. Seats stay AVAILABLE:
    the sync reads reservations and payments only."""
    psql_quiet(f"""
        WITH c AS (INSERT INTO concert (title) VALUES ('partner-sync bench') RETURNING id),
             s AS (INSERT INTO schedule (concert_id, starts_at, seat_count)
                   SELECT id, now() + interval '30 days', {rows} FROM c RETURNING id)
        INSERT INTO seat (schedule_id, number, price, status)
        SELECT s.id, g, 1000, 'AVAILABLE' FROM s, generate_series(1, {rows}) g""", db)
    psql_quiet("""
        INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price, status,
                                 expires_at, created_at, updated_at)
        SELECT gen_random_uuid(),
               CASE WHEN st.number % 2 = 0 THEN 'member-' ELSE 'user-' END || (st.number % 50000),
               sc.concert_id, sc.id, st.id, st.number, st.price,
               CASE WHEN st.number % 5 < 2 THEN 'HELD' WHEN st.number % 5 < 4 THEN 'CONFIRMED' ELSE 'EXPIRED' END,
               now() + interval '1 hour', now() - interval '1 hour', now() - interval '1 hour'
        FROM seat st JOIN schedule sc ON sc.id = st.schedule_id""", db)
    psql_quiet("""
        INSERT INTO payment (id, reservation_id, user_id, amount, balance_after, created_at)
        SELECT gen_random_uuid(), id, user_id, price, 0, updated_at FROM reservation WHERE status = 'CONFIRMED'""", db)
    psql_quiet("VACUUM ANALYZE", db)


def change(db):
    """A quarter of the tracked records change: members' holds with seat % 20 = 0 lapse (final: they leave
    tracking once acknowledged), those with seat % 20 = 6 are paid (a payment row; still tracked)."""
    psql_quiet("""
        UPDATE reservation SET status = 'EXPIRED', updated_at = now()
        WHERE status = 'HELD' AND seat_number % 20 = 0""", db)
    psql_quiet("""
        WITH paid AS (UPDATE reservation SET status = 'CONFIRMED', updated_at = now()
                      WHERE status = 'HELD' AND seat_number % 20 = 6 RETURNING id, user_id, price, updated_at)
        INSERT INTO payment (id, reservation_id, user_id, amount, balance_after, created_at)
        SELECT gen_random_uuid(), id, user_id, price, 0, updated_at FROM paid""", db)
    psql_quiet("VACUUM ANALYZE reservation, payment, partner_sync_tracked", db)


RAW_NEW = """COPY (SELECT r.id, r.user_id, r.concert_id, r.schedule_id, r.seat_number, r.price, r.status, r.created_at,
                  r.updated_at, p.id, p.amount, p.created_at
             FROM reservation r LEFT JOIN payment p ON p.reservation_id = r.id ORDER BY r.sync_xid, r.id) TO STDOUT"""
RAW_TRACKED = """COPY (SELECT t.reservation_id, t.snapshot, r.user_id, r.concert_id, r.schedule_id, r.seat_number,
                      r.price, r.status, r.created_at, r.updated_at, p.id, p.amount, p.created_at
                 FROM partner_sync_tracked t JOIN reservation r ON r.id = t.reservation_id
                 LEFT JOIN payment p ON p.reservation_id = r.id ORDER BY t.reservation_id) TO STDOUT"""


def raw_seconds(db, sql):
    """Wall time of psql running the COPY, its output discarded (best of two)."""
    best = None
    for _ in range(2):
        t0 = time.time()
        res = subprocess.run(["psql", "-q", "-d", db, "-c", sql], stdout=subprocess.DEVNULL)
        if res.returncode != 0:
            die("the raw COPY failed")
        best = min(best or 1e9, time.time() - t0)
    return best


def section_ms(app_log, run_id, name):
    """The service's own timing of a section (RunPartnerSyncService logs one line per section)."""
    m = re.search(rf"partner sync run {run_id}: {name}: (\d+) records read in (\d+) pages, (\d+) to send, in (\d+) ms",
                  read(app_log))
    if not m:
        die(f"no timing of '{name}' for run {run_id} in the service's log")
    return {"read": int(m.group(1)), "pages": int(m.group(2)), "toSend": int(m.group(3)), "ms": int(m.group(4))}


def bench(ctx, quick):
    work = ctx["work"]
    if quick:
        rows, out_json, doc = int(os.environ.get("SYNC_ROWS") or 20000), "target/bench-quick/partner-sync.json", ""
    else:
        rows, out_json, doc = int(os.environ.get("SYNC_ROWS") or 1000000), "docs/benchmarks/partner-sync.json", \
            "docs/sync.md"
    batch = int(os.environ.get("SYNC_BATCH") or 1000)
    use_jdk()
    if not reachable():
        die("PostgreSQL is not reachable (scripts/services.sh)")
    if jar_outdated():
        log("building the jar")
        if subprocess.run(["./mvnw", "-B", "-q", "package", "-DskipTests"]).returncode != 0:
            die("build failed")
    key = public_key()
    mint("ops", 1, work / "admin.jwt", admin=True)
    admin = (work / "admin.jwt").read_text().splitlines()[0]

    stub = ctx["stub"] = Stub()
    db = ctx["db"]
    if subprocess.run(["scripts/db-roles.sh", db], stdout=subprocess.DEVNULL).returncode != 0:
        die("scripts/db-roles.sh failed")
    port, mport = free_port(), free_port()
    base = f"http://127.0.0.1:{port}"
    log(f"starting the service on :{port} with a 256 MB heap (db {db}, sync.batch-size {batch})")
    app = ctx["app"] = Service(work / "app.log")
    app.start(["java", "-Xms256m", "-Xmx256m", f"-Xlog:gc:file={work}/gc.log"] + common_options(port, mport, db) + [
        "-Dquarkus.scheduler.enabled=false",
        f"-Dqueue.redis.key-prefix=sync-bench-{ctx['id']}:",
        f"-Dmp.jwt.verify.publickey.location={key}",
        "-Dmp.jwt.verify.issuer=concert-booking-dev",
        f"-Dqueue.token-secret={base64.b64encode(os.urandom(32)).decode()}",
        f"-Dsync.app-server.url=http://127.0.0.1:{stub.port}",
        f"-Dsync.app-server.token={TOKEN}",
        "-Dsync.every=off",
        f"-Dsync.batch-size={batch}",
        "-Dsync.max-run-time=1h",
        "-jar", JAR])
    app.wait_ready(f"http://127.0.0.1:{mport}")

    log(f"seeding {rows} reservations with their payments")
    seed(db, rows)
    members_open = int(psql("SELECT count(*) FROM reservation WHERE user_id LIKE 'member-%' "
                            "AND status IN ('HELD', 'CONFIRMED')", db))
    raw_new = raw_seconds(db, RAW_NEW)

    def run():
        try:
            res = http("POST", f"{base}/api/v1/admin/jobs/partner-sync", admin, timeout=3600)
        except HttpError as e:
            show(str(e))
            die("the sync run was refused")
        if not app.alive():
            die("the service died during the run")
        if res["outcome"] != "RAN" or res["run"]["status"] != "COMPLETED":
            show(json.dumps(res, indent=2))
            die("the sync run did not complete")
        return res["run"]

    log("run 1: every reservation is new")
    first = run()
    new1 = section_ms(work / "app.log", first["id"], "new records")
    tracked_after_first = int(psql("SELECT count(*) FROM partner_sync_tracked", db))

    change(db)
    changed_expected = int(psql("""SELECT count(*) FROM partner_sync_tracked t JOIN reservation r ON r.id = t.reservation_id
                                   WHERE r.status <> t.snapshot->>'status'""", db))
    lapsed_expected = int(psql("""SELECT count(*) FROM partner_sync_tracked t JOIN reservation r ON r.id = t.reservation_id
                                  WHERE r.status = 'EXPIRED'""", db))
    raw_tracked = raw_seconds(db, RAW_TRACKED)
    log(f"run 2: {changed_expected} of {tracked_after_first} tracked records changed")
    second = run()
    changed2 = section_ms(work / "app.log", second["id"], "changed records")
    tracked_after_second = int(psql("SELECT count(*) FROM partner_sync_tracked", db))

    bad = []
    if stub.records["NEW"] != rows or len(stub.seen_new) != rows or stub.repeats:
        bad.append(f"new records: {stub.records['NEW']} sent, {len(stub.seen_new)} distinct, {stub.repeats} repeats; "
                   f"want {rows} once each")
    if tracked_after_first != members_open or first["tracked"] != members_open:
        bad.append(f"tracked after run 1: {tracked_after_first} (run says {first['tracked']}); want {members_open}")
    if second["changed"] != changed_expected or stub.records["CHANGED"] != changed_expected:
        bad.append(f"changed: run says {second['changed']}, server got {stub.records['CHANGED']}; "
                   f"want {changed_expected}")
    if second["untracked"] != lapsed_expected or tracked_after_second != tracked_after_first - lapsed_expected:
        bad.append(f"untracked: {second['untracked']}, tracked now {tracked_after_second}; want {lapsed_expected} "
                   f"untracked, {tracked_after_first - lapsed_expected} tracked")
    if second["read"] != tracked_after_first:
        bad.append(f"run 2 read {second['read']} records; want every tracked one ({tracked_after_first})")

    gc = read(work / "gc.log")
    after = [int(m) for m in re.findall(r"->(\d+)M\(", gc)]
    new_rate = new1["read"] / (new1["ms"] / 1000)
    changed_rate = changed2["read"] / (changed2["ms"] / 1000)
    res = {
        "reservations": rows, "batchSize": batch,
        "newRecords": {"read": new1["read"], "pages": new1["pages"], "seconds": round(new1["ms"] / 1000, 2),
                       "recordsPerSecond": round(new_rate), "rawCopySeconds": round(raw_new, 2),
                       "rawRowsPerSecond": round(rows / raw_new), "ratioToRaw": round(new_rate / (rows / raw_new), 3),
                       "accepted": first["accepted"], "tracked": first["tracked"]},
        "changedRecords": {"read": changed2["read"], "pages": changed2["pages"],
                           "seconds": round(changed2["ms"] / 1000, 2), "recordsPerSecond": round(changed_rate),
                           "rawCopySeconds": round(raw_tracked, 2),
                           "rawRowsPerSecond": round(tracked_after_first / raw_tracked),
                           "ratioToRaw": round(changed_rate / (tracked_after_first / raw_tracked), 3),
                           "changed": second["changed"], "acknowledged": second["acknowledged"],
                           "untracked": second["untracked"]},
        "heapMaxMB": 256, "heapPeakAfterGcMB": max(after or [0]), "gcCount": len(after),
        "rssPeakMB": round(app.peak_rss_kb() / 1024), "countsMatchSeed": not bad,
        "machine": f"{subprocess.getoutput('nproc')} cores, {platform.platform()}",
        "java": subprocess.getoutput("java -version 2>&1 | head -1"),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
    (ROOT / out_json).parent.mkdir(parents=True, exist_ok=True)
    json.dump(res, open(ROOT / out_json, "w"), indent=1)
    print(json.dumps(res, indent=1))
    sys.stdout.flush()
    if bad:
        print("COUNT MISMATCH:\n  " + "\n  ".join(bad))
        sys.stdout.flush()
        raise Exit(1)
    if doc:
        n, c = res["newRecords"], res["changedRecords"]
        table = [
            f'Measured {res["date"]} on this machine ({res["machine"]}; {res["java"]}); `bench/partner-sync.sh`, '
            f'`sync.batch-size={batch}`, the app server a local stub.',
            "",
            "| section | records read | pages | seconds | records/s | raw COPY of the same rows | ratio |",
            "|---|---|---|---|---|---|---|",
            f'| 1, new records | {n["read"]:,} | {n["pages"]:,} | {n["seconds"]} | **{n["recordsPerSecond"]:,}** '
            f'(goal ≥ 20,000) | {n["rawRowsPerSecond"]:,} rows/s | {n["ratioToRaw"]} |',
            f'| 2, changed records ({c["changed"]:,} changed) | {c["read"]:,} | {c["pages"]:,} | {c["seconds"]} | '
            f'**{c["recordsPerSecond"]:,}** | {c["rawRowsPerSecond"]:,} rows/s | {c["ratioToRaw"]} |',
            "",
            f'Heap fixed at 256 MB (peak after GC {res["heapPeakAfterGcMB"]} MB, {res["gcCount"]} collections), '
            f'peak RSS {res["rssPeakMB"]} MB; every count equals the seed\'s.',
        ]
        text = (ROOT / doc).read_text()
        text = re.sub(r"(<!-- bench:start -->\n).*?(<!-- bench:end -->)",
                      lambda m: m.group(1) + "\n".join(table) + "\n" + m.group(2), text, flags=re.S)
        (ROOT / doc).write_text(text)
        # the same table in docs/benchmarks.md, between markers that bench/report.py keeps when it rewrites the page
        section = "\n".join(["<!-- partner-sync:start -->", "## Partner sync (batch)", "",
                             "Written by `bench/partner-sync.sh` (method and guarantees: [`sync.md`](sync.md)).", ""]
                            + table + ["<!-- partner-sync:end -->"])
        page = ROOT / "docs/benchmarks.md"
        text = page.read_text()
        if "<!-- partner-sync:start -->" in text:
            text = re.sub(r"<!-- partner-sync:start -->.*?<!-- partner-sync:end -->", lambda m: section, text,
                          flags=re.S)
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
        page.write_text(text)
    log(f"done: {out_json}")


def main(args):
    quick = False
    for a in args:
        if a == "--quick":
            quick = True
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        else:
            sys.stderr.write(f"unknown argument: {a}\n")
            return 2
    os.chdir(ROOT)
    set_tag("sync-bench")
    use_env_defaults()
    run_id = f"{os.getpid()}_{int(time.time())}"
    ctx = {"id": run_id, "db": f"sync_bench_{run_id}", "app": None, "stub": None,
           "work": Path(tempfile.mkdtemp(prefix="sync-bench.", dir="/tmp"))}
    on_term_exit()
    def cleanup():
        if ctx["app"]:
            ctx["app"].stop()
        if ctx["stub"]:
            ctx["stub"].stop()
        drop_database(ctx["db"])

    return guarded(ctx["work"], lambda: bench(ctx, quick), cleanup)
