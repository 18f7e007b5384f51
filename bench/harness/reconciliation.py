"""Reconciliation benchmark: generates a day of PG files (bench/reconciliation/generate.py) and the
matching top-ups, runs the service with a fixed 256 MB heap, reconciles the day over HTTP, checks
every category count against what the generator planted, and records throughput, heap and RSS.

  bench/reconciliation.sh            1,000,000 payments (3 files, ~3M lines): writes the results
                                     into docs/reconciliation.md and docs/benchmarks/reconciliation.json
  bench/reconciliation.sh --quick    20,000 payments, results to target/bench-quick/ (CI)

Environment: RECON_ROWS (payments), RECON_LAYOUT (toss, ksnet or welcome-offline: the layout and
provider of the generated files; welcome-offline's are reconciled against box-office sales, D62,
which are loaded instead of top-ups; the fixed-width ones write their results to
target/bench/reconciliation-<layout>.json, never into the docs), PGHOST/PGPORT (127.0.0.1:5432),
RECON_KEEP_DB=1 (keep the run's database for a look at its tables and plans; drop it yourself).
"""
import base64
import datetime
import glob
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import (ROOT, Exit, HttpError, guarded, quick_flag, die, free_port, http, log, on_term_exit, output, read, set_tag,
                     show, use_jdk)
from .postgres import drop_database, psql_quiet, reachable, use_env_defaults
from .service import Service, common_options
from .tokens import mint, public_key

DATE = "2025-06-01"
JAR = "target/quarkus-app/quarkus-run.jar"


def jar_outdated():
    """No jar, or anything under src/main or pom.xml newer than it."""
    try:
        built = os.stat(ROOT / JAR).st_mtime
    except OSError:
        return True
    paths = [ROOT / "pom.xml"]
    for d, dirs, files in os.walk(ROOT / "src/main"):
        paths.append(Path(d))
        paths += [Path(d) / f for f in files]
    return any(p.stat().st_mtime > built for p in paths if p.exists())


def summarise(work, t0, t1, lines, rss_kb, out_json, doc, rows):
    """results: out_json; doc (full runs): the table between <!-- bench:start --> and <!-- bench:end -->.
    Exits 1 when a category count differs from the generator's plan."""
    report = json.loads((work / "report.json").read_text())
    expected = json.loads((work / "topups.tsv.expected.json").read_text())["expected"]

    def ts(s):
        return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))

    run_s = (ts(report["finishedAt"]) - ts(report["startedAt"])).total_seconds()
    wall_s = t1 - t0
    steps, bad = [], []
    for st in report["steps"]:
        got = {c: v["count"] for c, v in st["summary"]["categories"].items() if v["count"]}
        want = expected[st["kind"]]
        if got != want:
            bad.append(f'{st["kind"]}: got {got}, want {want}')
        sec = (ts(st["finishedAt"]) - ts(st["startedAt"])).total_seconds()
        steps.append({"kind": st["kind"], "rows": st["rowsRead"], "seconds": round(sec, 2),
                      "rowsPerSecond": round(st["rowsRead"] / sec), "categories": got})
    gc = read(work / "gc.log")
    after = [int(m) for m in re.findall(r"->(\d+)M\(", gc)]
    before = [int(m) for m in re.findall(r"(\d+)M->\d+M\(", gc)]
    res = {
        "payments": rows, "lines": lines, "runSeconds": round(run_s, 2), "wallSeconds": round(wall_s, 2),
        "linesPerSecond": round(lines / run_s), "heapMaxMB": 256,
        "heapPeakBeforeGcMB": max(before or [0]), "heapPeakAfterGcMB": max(after or [0]), "gcCount": len(after),
        "rssPeakMB": round(rss_kb / 1024), "steps": steps, "countsMatchGenerator": not bad,
        "machine": f"{subprocess.getoutput('nproc')} cores, {platform.platform()}",
        "java": subprocess.getoutput("java -version 2>&1 | head -1"),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
    json.dump(res, open(out_json, "w"), indent=1)
    print(json.dumps({k: v for k, v in res.items() if k != "steps"}))
    for s in steps:
        print(f'  {s["kind"]:13} {s["rows"]:>9} lines {s["seconds"]:>7} s {s["rowsPerSecond"]:>8} lines/s')
    sys.stdout.flush()
    if bad:
        print("COUNT MISMATCH:\n  " + "\n  ".join(bad))
        sys.stdout.flush()
        raise Exit(1)
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
            "", "| step | lines | seconds (staging in parallel, matching in order) | lines/s |", "|---|---|---|---|",
        ] + [f'| {s["kind"]} | {s["rows"]:,} | {s["seconds"]} | {s["rowsPerSecond"]:,} |' for s in steps]
        text = open(doc).read()
        text = re.sub(r"(<!-- bench:start -->\n).*?(<!-- bench:end -->)",
                      lambda m: m.group(1) + "\n".join(table) + "\n" + m.group(2), text, flags=re.S)
        open(doc, "w").write(text)


def reconcile(ctx, quick):
    work = ctx["work"]
    layout = os.environ.get("RECON_LAYOUT") or "toss"
    if quick:
        rows, out_json, doc = int(os.environ.get("RECON_ROWS") or 20000), "target/bench-quick/reconciliation.json", ""
    else:
        rows, out_json, doc = int(os.environ.get("RECON_ROWS") or 1000000), "docs/benchmarks/reconciliation.json", \
            "docs/reconciliation.md"
    if layout != "toss":
        out_json, doc = f"target/bench{'-quick' if quick else ''}/reconciliation-{layout}.json", ""
    use_jdk()
    if not reachable():
        die("PostgreSQL is not reachable (scripts/services.sh)")
    if jar_outdated():
        log("building the jar")
        if subprocess.run(["./mvnw", "-B", "-q", "package", "-DskipTests"]).returncode != 0:
            die("build failed")

    log(f"generating {rows} payments for {DATE}")
    if subprocess.run([sys.executable, "bench/reconciliation/generate.py", "--date", DATE, "--rows", str(rows),
                       "--inbox", str(work / "inbox"), "--topups", str(work / "topups.tsv"),
                       "--layout", layout]).returncode != 0:
        die("generating the files failed")
    plan = json.loads((work / "topups.tsv.expected.json").read_text())
    provider = plan["provider"]
    files = sorted(glob.glob(str(work / "inbox" / provider / "*")))
    lines = sum(Path(f).read_bytes().count(b"\n") for f in files) - plan["extraLinesPerFile"] * len(files)
    # the prod profile trusts no key of its own: the development pair (scripts/dev-keys.sh) signs and verifies here
    key = public_key()
    mint("ops", 1, work / "admin.jwt", admin=True)
    admin = (work / "admin.jwt").read_text().splitlines()[0]

    # the database, owned by the migrations' role; the service runs as the least-privilege app role (scripts/db-roles.sh)
    db = ctx["db"]
    output(["scripts/db-roles.sh", db], "scripts/db-roles.sh failed")
    port, mport = free_port(), free_port()  # mport: health and metrics, the management interface
    base = f"http://127.0.0.1:{port}"
    log(f"starting the service on :{port} with a 256 MB heap (db {db})")
    app = ctx["app"] = Service(work / "app.log")
    app.start(["java", "-Xms256m", "-Xmx256m", f"-Xlog:gc:file={work}/gc.log"] + common_options(port, mport, db) + [
        "-Dquarkus.scheduler.enabled=false",
        f"-Dqueue.redis.key-prefix=recon-bench-{ctx['id']}:",
        f"-Dmp.jwt.verify.publickey.location={key}",
        "-Dmp.jwt.verify.issuer=concert-booking-dev",
        f"-Dqueue.token-secret={base64.b64encode(os.urandom(32)).decode()}",
        f"-Dreconciliation.inbox={work}/inbox",
        f"-Dreconciliation.providers.{provider}.fee-bps=320",
        "-jar", JAR])
    app.wait_ready(f"http://127.0.0.1:{mport}")

    records = read(work / "topups.tsv").count("\n")
    if plan.get("records") == "box-office-sales":
        # welcome-offline files reconcile against box-office sales (D62): the generator's sales belong to
        # concert 1 / schedule 1 (the reconciliation reads only the sales' approval, amount and state)
        log(f"loading {records} box-office sales")
        psql_quiet("INSERT INTO concert (id, title, created_at) OVERRIDING SYSTEM VALUE "
                   "VALUES (1, 'bench box office', now())", db)
        psql_quiet("INSERT INTO schedule (id, concert_id, starts_at, seat_count) OVERRIDING SYSTEM VALUE "
                   "VALUES (1, 1, now() + interval '30 days', 1)", db)
        psql_quiet("\\copy box_office_sale (id, concert_id, schedule_id, reservation_ids, amount, provider, approval_no, "
                   f"terminal_id, approved_at, sold_by, sold_at) FROM '{work}/topups.tsv'", db)
        psql_quiet("VACUUM ANALYZE box_office_sale", db)
    else:
        log(f"loading {records} top-ups")
        psql_quiet("\\copy topup (id, user_id, provider, payment_key, order_id, amount, status, transaction_id, "
                   f"approved_at, created_at, updated_at) FROM '{work}/topups.tsv'", db)
        psql_quiet("VACUUM ANALYZE topup", db)

    log(f"reconciling {lines} lines")
    t0 = time.time()
    try:
        http("POST", f"{base}/api/v1/admin/reconciliations", admin, {"date": DATE})
    except HttpError as e:
        show(str(e))
        die("the trigger was refused")
    status, report = "RUNNING", None
    while status == "RUNNING":
        time.sleep(0.5)
        try:
            report = http("GET", f"{base}/api/v1/admin/reconciliations/{DATE}", admin)
        except HttpError as e:
            show(str(e))
            die("reading the run's report failed")
        (work / "report.json").write_text(json.dumps(report))
        status = report["status"]
        if not app.alive():
            die("the service died during the run")
    t1 = time.time()
    rss_kb = app.peak_rss_kb()
    if status != "COMPLETED":
        show(json.dumps(report, indent=2))
        die(f"the run ended {status}")

    (ROOT / out_json).parent.mkdir(parents=True, exist_ok=True)
    summarise(work, t0, t1, lines, rss_kb, out_json, doc, rows)
    for line in read(work / "app.log").splitlines():
        m = re.search(r"reconciliation [0-9a-f-]* .*: .*(staged|classified) in.*", line)
        if m:
            sys.stderr.write(" ".join(m.group(0).split(" ")[2:]) + "\n")
    log(f"done: {out_json}")


def main(args):
    quick, status = quick_flag(args, __doc__)
    if status is not None:
        return status
    os.chdir(ROOT)
    set_tag("recon-bench")
    use_env_defaults()
    run_id = f"{os.getpid()}_{int(time.time())}"
    ctx = {"id": run_id, "db": f"recon_bench_{run_id}", "app": None,
           "work": Path(tempfile.mkdtemp(prefix="recon-bench.", dir="/tmp"))}
    on_term_exit()
    def cleanup():
        if ctx["app"]:
            ctx["app"].stop()
        if os.environ.get("RECON_KEEP_DB"):
            log(f"keeping database {ctx['db']} (RECON_KEEP_DB)")
        else:
            drop_database(ctx["db"])

    return guarded(ctx["work"], lambda: reconcile(ctx, quick), cleanup)
