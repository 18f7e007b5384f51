#!/usr/bin/env python3
"""The report of bench/run.sh (standard library only), used as a module by bench/harness and as a command:

  report.py pgbench <stdout-file> <log-prefix>      -> one JSON line (rps, p50/p99/p99.9 ms from the per-transaction log)
  report.py redis <csv-file>                        -> one JSON line (rps, p50/p99 ms from redis-benchmark --csv)
  report.py report <run-dir> <out-json> <out-md> <chart-dir>        -> results.json, benchmarks.md, PNG charts
"""
import csv
import glob
import json
import os
import re
import statistics
import subprocess
import sys


def pct(sorted_vals, p):
    if not sorted_vals:
        return None
    k = (len(sorted_vals) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (k - lo)


def parse_pgbench(stdout_file, log_prefix):
    text = open(stdout_file).read()
    tps = None
    failed = 0
    for line in text.splitlines():
        if line.startswith("tps =") and "without initial connection time" in line:
            tps = float(line.split("=")[1].split()[0])
        if line.startswith("number of failed transactions"):
            failed = int(line.split(":")[1].split()[0])
    lat = []
    for f in glob.glob(log_prefix + ".*"):
        with open(f) as fh:
            for row in fh:
                parts = row.split()
                if len(parts) >= 3 and parts[2].lstrip("-").isdigit():
                    lat.append(int(parts[2]) / 1000.0)
    lat.sort()
    out = {"requests": len(lat), "rps": tps, "p50_ms": pct(lat, 50), "p99_ms": pct(lat, 99),
           "p999_ms": pct(lat, 99.9), "mean_ms": (sum(lat) / len(lat)) if lat else None,
           "max_ms": lat[-1] if lat else None, "failed": failed}
    return out


def cmd_pgbench(stdout_file, log_prefix):
    print(json.dumps(parse_pgbench(stdout_file, log_prefix)))


def parse_redis(csv_file):
    rows = list(csv.DictReader(open(csv_file)))
    if not rows:
        raise SystemExit("redis-benchmark produced no CSV row")
    r = rows[-1]
    out = {"rps": float(r["rps"]), "p50_ms": float(r["p50_latency_ms"]), "p99_ms": float(r["p99_latency_ms"]),
           "p999_ms": None, "mean_ms": float(r["avg_latency_ms"]), "max_ms": float(r["max_latency_ms"])}
    return out


def cmd_redis(csv_file):
    print(json.dumps(parse_redis(csv_file)))


SCENARIOS = [
    ("queue_entry_cold", "Queue entry, first-time fans (never-seen JWT)",
     "redis-benchmark EVALSHA enter.lua, users drawn from 10^9 (nearly every call a first entry)",
     "wrk POST /api/v1/concerts/{id}/queue/tokens, every request a JWT the service has never verified"),
    ("queue_entry", "Queue entry, cached JWT", "redis-benchmark EVALSHA enter.lua",
     "wrk POST /api/v1/concerts/{id}/queue/tokens"),
    ("position_polling_cold", "Position polling, never-seen JWT", "redis-benchmark ZRANK on a waiting set of the same size",
     "wrk GET /api/v1/queue/token, every request a JWT the service has never verified (another jti of the fan's)"),
    ("position_polling", "Position polling, cached JWT", "redis-benchmark ZRANK on a waiting set of the same size",
     "wrk GET /api/v1/queue/token"),
    ("admission", "Admission (fans/s)", "redis-cli EVALSHA admit.lua once on a waiting set of the fans entered raw",
     "POST /api/v1/admin/jobs/queue-admission/run once"),
    ("hold_random", "Hold, random seat", "pgbench -M prepared: the hold's statements (bench/pgbench/hold.sql): seat UPDATE, reservation + outbox INSERT",
     "wrk POST /api/v1/reservations"),
    ("hold_hot", "Hold, 50 hot seats", "pgbench -M prepared: the same statements, seat random among 50",
     "wrk POST /api/v1/reservations"),
    ("order_random", "Order of 4 seats, random",
     "pgbench -M prepared: the order's statements (bench/pgbench/order.sql): 4 seats locked in id order and UPDATEd "
     "all or none, 4 × reservation + outbox INSERT", "wrk POST /api/v1/reservations {seatNumbers: 4 adjacent}"),
    ("payment_random", "Payment, random wallets",
     "pgbench -M prepared: the payment transaction's statements (bench/pgbench/pay.sql), one wallet per fan",
     "wrk POST /api/v1/payments"),
    ("payment_hot_32", "Payment, 10 hot wallets, 32 conn.",
     "pgbench -M prepared -c32: same transaction, 10 wallets", "wrk -c32 POST /api/v1/payments"),
    ("payment_hot", "Payment, 10 hot wallets, 64 conn.",
     "pgbench -M prepared: same transaction, 10 wallets", "wrk POST /api/v1/payments"),
]


# service / raw throughput each scenario must reach (None: reported, no goal); the first-time entry's
# goals are issue #22's: ≥ 0.15 × raw and ≤ 120 µs of service CPU per request
THROUGHPUT_GOAL = {"queue_entry_cold": 0.15, "position_polling_cold": None}
CPU_GOAL_US = {"queue_entry_cold": 120}


def median_of(runs, key):
    vals = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(vals) if vals else None


def fmt(v, unit=""):
    if v is None:
        return "n/a"
    if unit == "rps":
        return f"{v:,.0f}"
    if unit == "x":
        return f"{v:.2f}"
    return f"{v:.2f}"


def gnuplot_available():
    return subprocess.run(["sh", "-c", "command -v gnuplot"], capture_output=True).returncode == 0


def charts(summary, chart_dir):
    if not gnuplot_available():
        return []
    os.makedirs(chart_dir, exist_ok=True)
    made = []
    present = [s for s in SCENARIOS if s[0] in summary["scenarios"] and s[0] != "admission"]
    if not present:
        return []
    dat = os.path.join(chart_dir, ".chart.dat")
    with open(dat, "w") as fh:
        for key, title, _, _ in present:
            s = summary["scenarios"][key]
            r, v = s["raw"], s["service"]
            # a missing figure (redis-benchmark prints no p99.9) is "?" = no bar, not a zero
            fig = lambda x: x if x else "?"
            fh.write('"%s" %s %s %s %s %s %s %s %s\n' % (title, r["rps"] or 0, v["rps"] or 0, fig(r["p50_ms"]),
                                                        fig(v["p50_ms"]), fig(r["p99_ms"]), fig(v["p99_ms"]),
                                                        fig(r["p999_ms"]), fig(v["p999_ms"])))
    common = """set terminal pngcairo size 1000,600 noenhanced font 'sans,10'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set grid ytics
set key top right
set xtics rotate by 25 right
set bmargin 9
"""
    tp = os.path.join(chart_dir, "throughput.png")
    script = common + f"""set output '{tp}'
set title 'Throughput per scenario (median of repeats): raw baseline vs service'
set ylabel 'requests / s (log scale)'
set logscale y
plot '{dat}' using 2:xtic(1) title 'raw', '' using 3 title 'service'
"""
    lat = os.path.join(chart_dir, "latency.png")
    script += f"""
unset logscale y
set output '{lat}'
set title 'Latency per scenario (median of repeats): p50, p99 and p99.9, raw vs service (redis-benchmark prints no p99.9)'
set ylabel 'ms (log scale)'
set logscale y
set datafile missing '?'
set key outside right top
plot '{dat}' using 4:xtic(1) title 'raw p50', '' using 5 title 'service p50', '' using 6 title 'raw p99', \\
     '' using 7 title 'service p99', '' using 8 title 'raw p99.9', '' using 9 title 'service p99.9'
"""
    res = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    os.remove(dat)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        return []
    made = ["throughput.png", "latency.png"]
    return made


def cmd_report(run_dir, out_json, out_md, chart_dir):
    meta = json.load(open(os.path.join(run_dir, "meta.json")))
    runs = [json.loads(l) for l in open(os.path.join(run_dir, "runs.jsonl")) if l.strip()]
    checks = [json.loads(l) for l in open(os.path.join(run_dir, "checks.jsonl")) if l.strip()] \
        if os.path.exists(os.path.join(run_dir, "checks.jsonl")) else []
    summary = {"meta": meta, "scenarios": {}, "checks": checks, "runs": runs}
    for key, title, raw_tool, svc_tool in SCENARIOS:
        measured = [r for r in runs if r["scenario"] == key and r["phase"] == "measure"]
        if not measured:
            continue
        s = {"title": title, "raw_tool": raw_tool, "service_tool": svc_tool}
        for side in ("raw", "service"):
            rr = [r for r in measured if r["side"] == side]
            s[side] = {k: median_of(rr, k) for k in ("rps", "p50_ms", "p99_ms", "p999_ms", "mean_ms", "max_ms",
                                                       "cpu_us_per_req")}
            s[side]["repeats"] = len(rr)
            s[side]["cpu_cores"] = {}
            for proc in ("app", "redis", "postgres", "loadgen"):
                vals = [r["cpu"][proc] for r in rr if r.get("cpu") and r["cpu"].get(proc) is not None]
                s[side]["cpu_cores"][proc] = statistics.median(vals) if vals else None
        r, v = s["raw"], s["service"]
        s["ratio"] = {
            "throughput": (v["rps"] / r["rps"]) if r["rps"] and v["rps"] else None,
            "p50": (v["p50_ms"] / r["p50_ms"]) if r["p50_ms"] and v["p50_ms"] else None,
            "p99": (v["p99_ms"] / r["p99_ms"]) if r["p99_ms"] and v["p99_ms"] else None,
        }
        svc_status = {}
        for rr in measured:
            if rr["side"] == "service":
                for code, n in rr.get("status", {}).items():
                    svc_status[code] = svc_status.get(code, 0) + n
        s["service_status_counts"] = svc_status
        goal = THROUGHPUT_GOAL.get(key, 0.5)
        tp_ok = goal is None or (s["ratio"]["throughput"] is not None and s["ratio"]["throughput"] >= goal)
        p99 = v["p99_ms"]
        if key == "queue_entry_cold":
            cpu_goal = CPU_GOAL_US[key]
            lat_ok = p99 is not None and p99 <= 25 and v["cpu_us_per_req"] is not None and v["cpu_us_per_req"] <= cpu_goal
            lat_rule = f"p99 ≤ 25 ms; ≤ {cpu_goal} µs service CPU per request"
        elif key == "position_polling_cold":
            lat_ok, lat_rule = p99 is not None and p99 <= 20, "p99 ≤ 20 ms"
        elif key == "queue_entry":
            lat_ok, lat_rule = p99 is not None and p99 <= 25, "p99 ≤ 25 ms"
        elif key == "position_polling":
            lat_ok, lat_rule = p99 is not None and p99 <= 20, "p99 ≤ 20 ms"
        elif key == "hold_random":
            lat_ok = p99 is not None and r["p99_ms"] is not None and p99 <= 2 * r["p99_ms"]
            lat_rule = "p99 ≤ 2 × raw p99" + (f" (= {2 * r['p99_ms']:.2f} ms)" if r["p99_ms"] else "")
        elif key == "order_random":
            lat_ok = p99 is not None and r["p99_ms"] is not None and p99 <= 2 * r["p99_ms"]
            lat_rule = "p99 ≤ 2 × raw p99" + (f" (= {2 * r['p99_ms']:.2f} ms)" if r["p99_ms"] else "")
        elif key == "admission":
            lat_ok, lat_rule = True, "none (one call; fans admitted per second of its wall time)"
        elif key == "hold_hot":
            lat_ok, lat_rule = p99 is not None and p99 <= 80, "p99 ≤ 80 ms"
        elif key == "payment_random":
            lat_ok = p99 is not None and r["p99_ms"] is not None and p99 <= 2 * r["p99_ms"]
            lat_rule = "p99 ≤ 2 × raw p99" + (f" (= {2 * r['p99_ms']:.2f} ms)" if r["p99_ms"] else "")
        elif key == "payment_hot_32":
            lat_ok, lat_rule = p99 is not None and p99 <= 250, "p99 ≤ 250 ms"
        else:  # payment_hot at 64 connections: must not collapse against 32
            h32 = summary["scenarios"].get("payment_hot_32", {}).get("service", {}).get("rps")
            lat_ok = h32 is not None and v["rps"] is not None and v["rps"] >= 0.8 * h32
            lat_rule = "service req/s at 64 ≥ 80 % of at 32" + (f" (= {0.8 * h32:,.0f})" if h32 else "")
        s["target"] = {"throughput_rule": "none" if goal is None else f"service ≥ {goal:.2f} × raw",
                       "throughput_goal": goal, "throughput_met": tp_ok,
                       "latency_rule": lat_rule, "latency_met": lat_ok, "met": tp_ok and lat_ok}
        summary["scenarios"][key] = s
    summary["charts"] = charts(summary, chart_dir)
    with open(out_json, "w") as fh:
        json.dump(summary, fh, indent=2)
        fh.write("\n")
    write_md(summary, out_md)


def limiter_cost(out_dir):
    """The limiter's cost lines of benchmarks/limiter.md (written by bench/limiter-ab.sh), or None."""
    path = os.path.join(out_dir, "benchmarks", "limiter.md")
    if not os.path.exists(path):
        return None
    costs = re.findall(r"a cost of \*\*(-?[0-9.]+ %)\*\*( on [a-z -]+)?", open(path).read())
    date = re.search(r"on (\d{4}-\d{2}-\d{2})", open(path).read())
    if not costs:
        return None
    return ", ".join(f"**{c}**{w or ''}" for c, w in costs) + (f" (measured {date.group(1)})" if date else "")


def cold_cached_table(summary, w):
    """The headline of the two hottest paths (D64): every request a JWT the service has never verified (the
    first minute of an on-sale: nearly every fan's first request) beside the same path with the JWT in the
    verified-token cache."""
    sc = summary["scenarios"]
    rows = [(t, sc.get(c), sc.get(k)) for t, c, k in (("Queue entry", "queue_entry_cold", "queue_entry"),
                                                        ("Position polling", "position_polling_cold", "position_polling"))]
    if not any(cold for _, cold, _ in rows):
        return
    w("### First-time and cached JWTs")
    w("")
    w("The headline of the two hottest paths is the **never-seen JWT** (first-time fans, or any fan on an "
      "instance that has just started), with the cached-token figure beside it. Service CPU per request: the "
      "JVM's utime + stime over the measured run (/proc/<pid>/stat) ÷ the requests answered in it.")
    w("")
    w("| path | never-seen JWT req/s | / raw | CPU µs/req | p99 ms | cached JWT req/s | / raw | CPU µs/req | p99 ms |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for title, cold, cached in rows:
        cells = []
        for s in (cold, cached):
            if not s:
                cells.append("n/a | n/a | n/a | n/a")
                continue
            v = s["service"]
            cells.append(f"{'**' + fmt(v['rps'], 'rps') + '**' if s is cold else fmt(v['rps'], 'rps')} | "
                         f"{fmt(s['ratio']['throughput'], 'x')} | {fmt(v.get('cpu_us_per_req'), 'rps')} | {fmt(v['p99_ms'])}")
        w(f"| {title} | {cells[0]} | {cells[1]} |")
    w("")


def write_md(summary, out_md):
    m = summary["meta"]
    L = []
    w = L.append
    w("# Benchmarks")
    w("")
    w("Generated by `bench/run.sh`. What bounds each figure, the profiles and the changes tried: "
      "[`performance.md`](performance.md). What the rate limiter costs queue entry (on and off, one jar): "
      "[`benchmarks/limiter.md`](benchmarks/limiter.md), written by `bench/limiter-ab.sh`.")
    w("")
    w("*Generated by `bench/run.sh` — do not edit by hand; re-run it. Every figure below, and every single run, is in "
      "[`benchmarks/results.json`](benchmarks/results.json).*")
    w("")
    w("## How to run")
    w("")
    w("```bash")
    w("bench/run.sh          # full run (about %s on the reference machine); rewrites this file, results.json and the charts, then runs bench/cold-instance.sh (about 13 more minutes; BENCH_COLD_INSTANCE=0 or a BENCH_SCENARIOS subset leaves it out)" % m.get("full_runtime_hint", "15 minutes"))
    w("bench/run.sh --quick  # every step for a few seconds (CI smoke test, < 3 minutes); exits non-zero if a step or a correctness check fails")
    w("bench/cold-instance.sh          # a fresh instance under first-time entries from its first second, per start-up option (about 13 minutes): benchmarks/cold-instance.md")
    w("bench/limiter-ab.sh             # the rate limiter on and off, same jar (about 6 minutes): benchmarks/limiter.md")
    w("```")
    w("")
    w("Needs the PostgreSQL server packages (the run starts its own cluster with them, see Method; `BENCH_PG=shared` "
      "uses the one on 127.0.0.1:5432 instead) and Redis on 127.0.0.1:6379 (`scripts/services.sh` "
      "installs and starts both), a JDK ≥ 21 (`scripts/java.sh`), `wrk`, `redis-benchmark`, `pgbench`, `python3` "
      "(the harness, `bench/harness/`: standard library only) and Node.js (the paced generator, `npm ci`); it "
      "`apt-get install`s `gnuplot-nox` (charts) and `wrk` when absent. It builds the jar only if "
      "`target/quarkus-app/quarkus-run.jar` is missing, creates its own database (`%s`-style, dropped at the end) "
      "and Redis key prefix (deleted at the end), and starts and stops the service itself. `--quick` writes to "
      "`target/bench-quick/` instead of `docs/` unless `BENCH_OUT` is set." % m.get("db_pattern", "bench_<pid>"))
    w("")
    w("## This run")
    w("")
    w("| | |")
    w("|---|---|")
    for k, label in (("date", "date (UTC)"), ("mode", "mode"), ("git", "commit"), ("cpu", "CPU"), ("cores", "cores"),
                     ("mem", "memory"), ("os", "OS"), ("java", "JVM"), ("postgres", "PostgreSQL"),
                     ("postgres_cluster", "PostgreSQL cluster"), ("redis", "Redis"),
                     ("wrk", "wrk"), ("connections", "connections (wrk -c, pgbench -c, redis-benchmark -c)"),
                     ("duration_s", "measured run length"), ("warmup_s", "warm-up length"), ("repeats", "repeats"),
                     ("fans", "fans (pre-minted JWTs)"), ("seats", "seats seeded (random-hold scenario)"),
                     ("runtime_s", "wall time of this run (s)")):
        if k in m:
            w(f"| {label} | {m[k]} |")
    w("")
    w("## Method")
    w("")
    w("- The load generators, the service, PostgreSQL and Redis all share the one machine above, so every figure "
      "includes the load generator's own CPU; the **ratio service / raw** (measured in the same run, alternating) is "
      "the headline, not the absolute numbers.")
    w("- Service: the packaged jar (`java -Xms256m -Xmx256m -jar target/quarkus-app/quarkus-run.jar`), production "
      "profile, with `quarkus.datasource.jdbc.max-size=64` and `quarkus.redis.max-pool-size=64` (= the connection "
      "count of every load generator), `auth.jwt-cache.max-entries` = the fan count + 10 % (the verified-token "
      "cache holds every fan, as an operator sizes it to the fans online at once), `reservation.hold-ttl=1h`, "
      "`queue.active-ttl=1h`, `queue.waiting-ttl=1h` (so nothing lapses mid-run), `queue.admit-interval=1h` (fans are admitted by one timed trigger of the "
      "queue-admission job, not by the scheduler), the limits of issue #15 on — per-user rate limits on every "
      "route at `BENCH_USER_RATE`/`BENCH_USER_BURST` (default 1000/s, burst 1000: checked on every call, never "
      "reached by the fan rotation), per-address limits at 1,000,000/s (every fan comes from 127.0.0.1), "
      "`reservation.max-held-per-user=1000` (the count runs in every hold) — and `BENCH_JAVA_OPTS` if set "
      "(`-Drate-limit.enabled=false`: the limiter off, for its A/B).")
    if m.get("postgres_cluster", "shared").startswith("own"):
        w("- PostgreSQL: the run's own cluster (`BENCH_PG=own`, the default): initdb with the machine's PostgreSQL "
          "binaries, data on the same disk, the settings the machine's cluster sets in its configuration files "
          "(shared_buffers, fsync, autovacuum, WAL sizes, ...) copied, and `max_connections` = 2 × the connection "
          "count + 30, so that pgbench's connections and the service's whole pool fit at once: the pool is fixed "
          "(`min-size` = `max-size`) and never shrinks or grows between raw and service runs. Raw and service runs "
          "use that one cluster; it is stopped and deleted at the end.")
    else:
        w("- PostgreSQL: the machine's cluster (`BENCH_PG=shared`). `quarkus.datasource.jdbc.idle-removal-interval=2S` "
          "with `min-size` = what pgbench's connections leave free of `max_connections`: the pool must shrink before "
          "pgbench opens its connections. So that the service's measured runs start with a full pool too, each hold "
          "and payment run is preceded by two unmeasured seconds at the run's concurrency: refused holds before holds "
          "(`fill` mode of `bench/wrk/bench.lua`: a seat number the hot schedule does not have, 404, nothing written), "
          "reads of an unknown reservation before payments (`fillread`). Without this, the service grew its pool "
          "under load during the measured run (0.6–2 s p99 on holds; JFR: connection acquisition waits of 1.4 s).")
    w("- Each scenario: one warm-up of each side (JIT), then %s measured repeat(s) alternating raw and service; the "
      "median of the repeats is reported. HTTP: `wrk -t2 -c64` with `bench/wrk/bench.lua`, which counts every "
      "response per status. Latency percentiles: wrk's (HdrHistogram, coordinated omission not corrected), pgbench's "
      "per-transaction log, redis-benchmark's own (it prints no p99.9)." % m.get("repeats", 3))
    w("- Raw baselines use the service's own schema (Flyway ran it) and its own statements: `enter.lua` loaded with "
      "`SCRIPT LOAD` and called with the same 11 keys as `RedisQueueStore.keys()`; `ZRANK` on a waiting set as large as "
      "the service's; the hold's statements in their transaction, as `HoldSeatService` sends them "
      "(`bench/pgbench/hold.sql`): the seat's conditional `UPDATE … RETURNING` (with the existence check of a "
      "refused hold in the same statement), then the reservation and its `ReservationHeld` outbox row in one "
      "statement (D21). pgbench sends `BEGIN` as a round trip of its own; pgJDBC sends it with the first statement.")
    w("- What the raw side does *not* do, so the ratio prices it: HTTP + JSON, JWT verification, the Queue-Token "
      "check (one `find.lua` call), the schedule → concert lookup (cached). `enter.lua` is called by the service with a fresh random token per call; "
      "the raw side uses `__rand_int__` users from a key space the size of the fan list, as the service cycles through "
      "its fans — so after the first pass both sides mostly take the *already queued* path of the script.")
    w("- Payments: before every run (raw and service alike) the database is reset and HELD reservations are "
      "prepared in SQL on the random-hold seats (enough for `BENCH_PAY_MAX_RPS` × run length on the service side, "
      "`BENCH_PAY_RAW_MAX_TPS` × run length on the raw side, at most every seat), with wallets charged to exactly "
      "their reservations' sum (one CHARGE ledger entry each). Each wrk request pays a different reservation of "
      "its owner, with a fresh `Idempotency-Key`. Random: one wallet per fan; hot: the reservations belong to 10 "
      "fans, so every payment queues on one of 10 wallet rows; measured at 32 and 64 connections. The raw side "
      "(`bench/pgbench/pay.sql`) runs the service's statements in the same order in one transaction: idempotency "
      "claim, reservation read, guarded reservation and seat updates, the wallet's conditional debit, ledger, "
      "payment and outbox inserts, idempotency completion. The service also does the Redis queue release after "
      "the commit. With too few seats for the pool (`--quick`) pgbench runs rate-capped (`--rate`).")
    w("- First-time fans (D64): the *never-seen JWT* runs send every request with a JWT the service has not "
      "verified before, from pools minted up front (`bench/MintTokens.java`: %s first-time fans for queue entry, "
      "each entering a room of its own, and as many further tokens of the entered fans, another `jti` each, for "
      "polling); each wrk run starts after the lines earlier runs used, and a run that would reuse one fails "
      "its check. They run after the cached-token runs of the same path (they evict the fans' tokens from the "
      "verified-token cache), %s s each after a %s s warm-up of their own; the raw side of first-time entries "
      "draws its users from 10^9, so nearly every call is a first entry there too." % (
          f"{m['cold_tokens']:,}" if m.get("cold_tokens") else "n/a", m.get("cold_duration_s", "?"),
          m.get("cold_warmup_s", "?")))
    w("- CPU: cores used per process during each measured run (from /proc: service JVM, redis-server, every "
      "postgres process incl. exited backends, and the load generator via /usr/bin/time); **service CPU µs per "
      "request** = the JVM's utime + stime (/proc/<pid>/stat) over the measured run ÷ the requests wrk counted "
      "(the window includes wrk's start and stop, so it is a slight over-estimate).")
    limiter = limiter_cost(os.path.dirname(out_md))
    w("- The rate limiter of \"Production safety\" (D30) is **on in every figure** (the limits above). What it "
      "costs queue entry, the same jar on and off, alternating: " + (limiter or "not measured yet") +
      " ([`benchmarks/limiter.md`](benchmarks/limiter.md), `bench/limiter-ab.sh`).")
    w("")
    w("## Results")
    w("")
    w("![throughput](benchmarks/throughput.png)")
    w("")
    w("![latency](benchmarks/latency.png)")
    w("")
    cold_cached_table(summary, w)
    w("| scenario | raw req/s | service req/s | throughput ratio | service CPU µs/req | raw p50 / p99 / p99.9 ms | service p50 / p99 / p99.9 ms | p99 ratio | target | met? |")
    w("|---|---:|---:|---:|---:|---|---|---:|---|---|")
    for key, title, _, _ in SCENARIOS:
        s = summary["scenarios"].get(key)
        if not s:
            w(f"| {title} | not measured in this run | | | | | | | | |")
            continue
        r, v, t = s["raw"], s["service"], s["target"]
        second = "scaling" if key == "payment_hot" else "latency or CPU" if key == "queue_entry_cold" else "latency"
        met = "**met**" if t["met"] else "**not met** (%s)" % ", ".join(
            x for x, ok in (("throughput", t["throughput_met"]), (second, t["latency_met"])) if not ok)
        goal = t.get("throughput_goal", 0.5)
        w(f"| {title} | {fmt(r['rps'], 'rps')} | {fmt(v['rps'], 'rps')} | {fmt(s['ratio']['throughput'], 'x')} | "
          f"{fmt(v.get('cpu_us_per_req'), 'rps')} | "
          f"{fmt(r['p50_ms'])} / {fmt(r['p99_ms'])} / {fmt(r['p999_ms'])} | "
          f"{fmt(v['p50_ms'])} / {fmt(v['p99_ms'])} / {fmt(v['p999_ms'])} | {fmt(s['ratio']['p99'], 'x')} | "
          + ("" if goal is None else f"≥ {goal:.2f} × raw; ") + f"{t['latency_rule']} | {met} |")
    w("")
    for key, title, raw_tool, svc_tool in SCENARIOS:
        s = summary["scenarios"].get(key)
        if not s:
            continue
        w(f"### {title}")
        w("")
        w(f"raw: {raw_tool}; service: {svc_tool}.")
        w("")
        w("| | req/s | p50 ms | p99 ms | p99.9 ms | mean ms | CPU cores: service / redis / postgres / load generator | service CPU µs/req |")
        w("|---|---:|---:|---:|---:|---:|---|---:|")
        for side in ("raw", "service"):
            x = s[side]
            c = x["cpu_cores"]
            cpu = " / ".join("n/a" if c.get(p) is None else f"{c[p]:.2f}" for p in ("app", "redis", "postgres", "loadgen"))
            w(f"| {side} (median of {x['repeats']}) | {fmt(x['rps'], 'rps')} | {fmt(x['p50_ms'])} | {fmt(x['p99_ms'])} | "
              f"{fmt(x['p999_ms'])} | {fmt(x['mean_ms'])} | {cpu} | {fmt(x.get('cpu_us_per_req'), 'rps')} |")
        r = s["ratio"]
        w(f"| **service / raw** | **{fmt(r['throughput'], 'x')}** | {fmt(r['p50'], 'x')} | {fmt(r['p99'], 'x')} | | | | |")
        w("")
        if s["service_status_counts"]:
            w("Service responses in the measured runs, by status: " + ", ".join(
                f"{k}: {n:,}" for k, n in sorted(s["service_status_counts"].items())) + ".")
        extra = [rr for rr in summary["runs"] if rr["scenario"] == key and rr["phase"] == "measure" and rr.get("note")]
        if extra:
            w("")
            w("Notes: " + "; ".join(sorted(set(rr["note"] for rr in extra))) + ".")
        w("")
    journeys = [rr for rr in summary["runs"] if rr["scenario"] == "journey" and rr["phase"] == "measure"]
    if journeys:
        w("## Full journey mix")
        w("")
        w("Every connection walks one fan at a time through the whole journey: enter the waiting room "
          "(straight to ACTIVE), list the dates, list one date's seats, hold a random seat (another one "
          "after a 409), top up the wallet, pay (`bench/wrk/journey.lua`, one wrk thread per connection). "
          "There is no raw baseline for a mix; its parts are measured against theirs above.")
        w("")
        w("| repeat | journeys/s | requests/s | p50 ms | p99 ms | p99.9 ms | lost seats (409) | CPU cores: service / redis / postgres / load generator | statuses |")
        w("|---|---:|---:|---:|---:|---:|---:|---|---|")
        for rr in journeys:
            c = rr.get("cpu", {})
            cpu = " / ".join("n/a" if c.get(p) is None else f"{c[p]:.2f}" for p in ("app", "redis", "postgres", "loadgen"))
            st = ", ".join(f"{k}: {n:,}" for k, n in sorted(rr.get("status", {}).items()))
            w(f"| {rr['repeat']} | {fmt(rr['journeys_per_s'], 'rps')} | {fmt(rr['rps'], 'rps')} | {fmt(rr['p50_ms'])} | "
              f"{fmt(rr['p99_ms'])} | {fmt(rr['p999_ms'])} | {rr['lost_seats']:,} | {cpu} | {st} |")
        w("")
    paced = [rr for rr in summary["runs"] if rr["phase"] == "paced"]
    if paced:
        w("## Latency below saturation (paced load)")
        w("")
        w("Position polling again, at a fixed overall rate of 70 % of the service's median peak above "
          "(`bench/paced/paced.js` on autocannon, same fans and connections): what a fan sees when the "
          "service is busy but not saturated. Latencies at saturation (the tables above) include the "
          "queueing a closed-loop generator causes.")
        w("")
        w("| scenario | target req/s | achieved req/s | p50 ms | p99 ms | p99.9 ms | max ms | CPU cores: service / redis / load generator | non-2xx / errors |")
        w("|---|---:|---:|---:|---:|---:|---:|---|---|")
        for rr in paced:
            c = rr.get("cpu", {})
            cpu = " / ".join("n/a" if c.get(p) is None else f"{c[p]:.2f}" for p in ("app", "redis", "loadgen"))
            w(f"| {rr['scenario']} | {fmt(rr['target_rps'], 'rps')} | {fmt(rr['rps'], 'rps')} | {fmt(rr['p50_ms'])} | "
              f"{fmt(rr['p99_ms'])} | {fmt(rr['p999_ms'])} | {fmt(rr['max_ms'])} | {cpu} | {rr['non2xx']} / {rr['errors']} |")
        w("")
    w("## Correctness under load")
    w("")
    w("Checked after the service runs; any failure makes `bench/run.sh` exit non-zero.")
    w("")
    w("| check | result | detail |")
    w("|---|---|---|")
    for c in summary["checks"]:
        w(f"| {c['name']} | {'pass' if c['ok'] else '**FAIL**'} | {c.get('detail', '')} |")
    w("")
    w("## Not yet measured")
    w("")
    w("- Top-ups and idempotent repeats under load.")
    w("- Think times in the journey mix (it runs back to back, each connection one fan at a time).")
    w("- ETA accuracy; admission under concurrent entry and polling load.")
    w("- Browsing on its own (it is part of the journey mix, with 1,000-seat dates; not with 100,000 seats).")
    w("- A separate load-generator machine (the JFR profiles are in performance.md).")
    w("- Several service instances on one database, and native-image builds.")
    w("")
    # sections other benchmarks write into this page (bench/partner-sync.sh) are kept as they are
    if os.path.exists(out_md):
        for m in re.finditer(r"<!-- ([a-z-]+):start -->.*?<!-- \1:end -->", open(out_md).read(), flags=re.S):
            L.extend(["", m.group(0)])
    with open(out_md, "w") as fh:
        fh.write("\n".join(L))


if __name__ == "__main__":
    c = sys.argv[1]
    if c == "pgbench":
        cmd_pgbench(*sys.argv[2:4])
    elif c == "redis":
        cmd_redis(sys.argv[2])
    elif c == "report":
        cmd_report(*sys.argv[2:6])
    else:
        raise SystemExit(__doc__)
