"""Measuring: CPU per process, one measured run of each load generator, the runs and checks recorded.

Every measured run is one line of runs.jsonl (the generator's figures plus scenario, side, phase,
repeat, CPU cores per process, wall time, note) and every check one line of checks.jsonl; bench/report.py
turns them into results.json and benchmarks.md.
"""
import glob
import json
import os
import subprocess
import time

from . import report_lib
from .postgres import psql
from .common import compact, die, floor, floor2, jqnum, log, read, show, timed


# ------------------------------------------------------------------------------------- CPU
def _ticks(pid, fields):
    """Sum of these fields (1-based, as in proc(5)) of /proc/<pid>/stat; 0 when the process is gone."""
    try:
        data = open(f"/proc/{pid}/stat").read()
    except OSError:
        return 0
    rest = data[data.rindex(")") + 2:].split()  # rest[0] is field 3
    return sum(int(rest[f - 3]) for f in fields)


class Cpu:
    """Snapshots of "app redis postgres" CPU time in clock ticks (postgres with its exited children)."""

    def __init__(self, app_pid, redis_pids, pg_pids):
        self.app_pid = app_pid  # callables: the processes may come and go
        self.redis_pids = redis_pids
        self.pg_pids = pg_pids
        self.clk = os.sysconf("SC_CLK_TCK")

    def snap(self):
        pid = self.app_pid()
        a = _ticks(pid, (14, 15)) if pid else 0
        r = sum(_ticks(p, (14, 15)) for p in self.redis_pids)
        p = sum(_ticks(p, (14, 15, 16, 17)) for p in self.pg_pids())
        return (a, r, p)


# ------------------------------------------------------------------------------------- recording
class Recorder:
    def __init__(self, work, clk):
        self.work = work
        self.clk = clk
        self.runs_file = work / "runs.jsonl"
        self.checks_file = work / "checks.jsonl"
        self.runs_file.write_text("")
        self.checks_file.write_text("")
        self.last = {}
        self.failed = False

    def record(self, sc, side, ph, rep, metrics, before, after, secs, timefile, note=""):
        m = dict(metrics)
        cpu = {k: round((after[i] - before[i]) / self.clk / secs, 3) for i, k in enumerate(("app", "redis", "postgres"))}
        if side == "raw":
            cpu["app"] = None
        try:
            u, s = read(timefile).split("LOADCPU")[1].split()[:2]
            cpu["loadgen"] = round((float(u) + float(s)) / secs, 3)
        except (IndexError, ValueError):
            cpu["loadgen"] = None
        # the service's CPU per request: its process's utime + stime over the measured window ÷ the requests
        # answered in it (the window is wrk's run plus its start and stop, a few ms of idle: an upper bound)
        if side == "service" and m.get("requests"):
            m["cpu_us_per_req"] = round((after[0] - before[0]) / self.clk * 1e6 / m["requests"], 1)
        m.update({"scenario": sc, "side": side, "phase": ph, "repeat": int(rep), "cpu": cpu, "wall_s": round(secs, 2)})
        if note:
            m["note"] = note
        with open(self.runs_file, "a") as fh:
            fh.write(json.dumps(m) + "\n")

    def check(self, name, ok, detail):
        with open(self.checks_file, "a") as fh:
            fh.write(compact({"name": name, "ok": bool(ok), "detail": detail}) + "\n")
        if ok:
            log(f"check ok: {name} ({detail})")
        else:
            log(f"CHECK FAILED: {name} ({detail})")
            self.failed = True

    def fail(self, name, detail):
        """A failed check recorded without the check's own log line (the caller logged it)."""
        with open(self.checks_file, "a") as fh:
            fh.write(compact({"name": name, "ok": False, "detail": detail}) + "\n")
        self.failed = True

    def runs(self):
        return [json.loads(line) for line in read(self.runs_file).splitlines() if line.strip()]


# ------------------------------------------------------------------------------------- load generators
def _wrk_result(out, what):
    text = read(out)
    for line in text.splitlines():
        if line.startswith("JSON:"):
            return json.loads(line[5:])
    show(text)
    die(f"wrk printed no result ({what})")


def run_wrk(b, sc, ph, rep, secs, mode, users, conns=None, once=False, **env):
    """One wrk run of bench/wrk/bench.lua against the service, recorded; its statuses checked. once: every
    line of `users` is a JWT the service has never seen, sent once (BENCH_ONCE; a request past the end of the
    list is counted as reused and fails the cold-token check)."""
    cfg = b.cfg
    if once:
        env["BENCH_ONCE"] = 1
    out = b.work / f"wrk-{sc}-{ph}-{rep}.txt"
    tf = b.work / f"time-{sc}-svc-{ph}-{rep}"
    e = dict(os.environ, BENCH_MODE=mode, BENCH_USERS=str(users), BENCH_THREADS=str(cfg.threads),
             **{k: str(v) for k, v in env.items()})
    before, t0 = b.cpu.snap(), time.time()
    with open(out, "w") as fh:
        rc = subprocess.run(timed(["wrk", f"-t{cfg.threads}", f"-c{conns or cfg.conn}", f"-d{secs}s", "--timeout", "10s",
                                   "--latency", "-s", "bench/wrk/bench.lua", b.base], tf),
                            stdout=fh, stderr=subprocess.STDOUT, env=e).returncode
    if rc != 0:
        show(read(out))
        die(f"wrk failed ({sc} {ph})")
    t1, after = time.time(), b.cpu.snap()
    js = _wrk_result(out, sc)
    b.rec.record(sc, "service", ph, rep, js, before, after, t1 - t0, tf)
    log(f"  service {sc} {ph}#{rep}: {floor(js['rps'])} req/s, p50 {jqnum(js['p50_ms'])} ms, "
        f"p99 {jqnum(js['p99_ms'])} ms, {jqnum(b.rec.runs()[-1].get('cpu_us_per_req'))} µs CPU/req, "
        f"status {compact(js['status'])}")
    if once and js.get("reused"):
        # a full run's figure would be wrong; --quick (a smoke test, small pools) only says so
        if cfg.quick:
            log(f"  note: {sc} {ph}#{rep}: {js['reused']} requests reused a token (the --quick pool is small)")
        else:
            log(f"  CHECK FAILED: {sc} {ph}#{rep}: {js['reused']} requests reused a token (the cold pool is too small)")
            b.rec.fail(f"{sc} {ph}#{rep}: every request a JWT never seen",
                       f"{js['reused']} of {js['requests']} requests reused a token: raise BENCH_COLD_TOKENS")
    # correctness: no 5xx, no socket errors that hide failures; holds and payments may only be refused with 409
    may409 = sc.startswith(("hold", "payment", "order"))
    bad = [f"{k}={v}" for k, v in js["status"].items() if int(k) >= 300 and not (may409 and k == "409")]
    if bad:
        log(f"  CHECK FAILED: unexpected statuses in {sc} {ph}#{rep}: {','.join(bad)}")
        b.rec.fail(f"{sc} {ph}#{rep}: only 2xx" + (" and 409" if may409 else ""), ",".join(bad))
    b.rec.last = js
    return js


def run_redis(b, sc, ph, rep, n, command, keyspace=None):
    """One redis-benchmark run (-n requests) of this command, recorded; __rand_int__ ranges over the fans
    (or keyspace)."""
    cfg = b.cfg
    out = b.work / f"redis-{sc}-{ph}-{rep}.csv"
    err = b.work / f"redis-{sc}-{ph}-{rep}.csv.err"
    tf = b.work / f"time-{sc}-raw-{ph}-{rep}"
    before, t0 = b.cpu.snap(), time.time()
    with open(out, "w") as fo, open(err, "w") as fe:
        rc = subprocess.run(timed(["redis-benchmark", "-h", cfg.redis_host, "-p", cfg.redis_port, "-c", cfg.conn,
                                   "-n", n, "-r", keyspace or cfg.fans, "--csv"] + list(command), tf),
                            stdout=fo, stderr=fe).returncode
    if rc != 0:
        show(read(err))
        die(f"redis-benchmark failed ({sc})")
    t1, after = time.time(), b.cpu.snap()
    if "err" in read(out).lower() or "err" in read(err).lower():
        show(read(out) + read(err))
        die(f"redis-benchmark reported an error ({sc})")
    try:
        js = report_lib.report().parse_redis(str(out))
    except (SystemExit, KeyError, ValueError) as e:
        die(f"could not parse redis-benchmark output ({sc}): {e}")
    b.rec.record(sc, "raw", ph, rep, js, before, after, t1 - t0, tf)
    log(f"  raw     {sc} {ph}#{rep}: {floor(js['rps'])} req/s, p50 {jqnum(js['p50_ms'])} ms, p99 {jqnum(js['p99_ms'])} ms")
    b.rec.last = js
    return js


def _pgbench(b, sc, ph, rep, cmd, fail_hint=""):
    out = b.work / f"pgbench-{sc}-{ph}-{rep}.txt"
    tf = b.work / f"time-{sc}-raw-{ph}-{rep}"
    lp = str(b.work / f"pgl-{sc}-{ph}-{rep}")
    before, t0 = b.cpu.snap(), time.time()
    with open(out, "w") as fh:
        rc = subprocess.run(timed(cmd + ["-l", f"--log-prefix={lp}", b.db.name], tf),
                            stdout=fh, stderr=subprocess.STDOUT).returncode
    if rc != 0:
        show(read(out))
        die(f"pgbench failed ({sc}){fail_hint}")
    t1, after = time.time(), b.cpu.snap()
    try:
        js = report_lib.report().parse_pgbench(str(out), lp)
    except (OSError, ValueError) as e:
        die(f"could not parse pgbench output ({sc}): {e}")
    for f in glob.glob(lp + ".*"):
        os.remove(f)
    if js["failed"] != 0:
        show(read(out))
        die(f"pgbench transactions failed ({sc})")
    return js, before, after, t1 - t0, tf


def run_pgbench(b, sc, ph, rep, secs, smin, smax, seats, script="bench/pgbench/hold.sql"):
    """pgbench on the hold's statements (bench/pgbench/hold.sql, or order.sql: an order of 4 seats), recorded
    with the seats it held."""
    cfg = b.cfg
    wait_pool_idle(b)
    r0 = int(b.db.query("select count(*) from reservation where user_id = 'raw-bench'"))
    js, before, after, secs_, tf = _pgbench(b, sc, ph, rep, [
        "pgbench", "-n", "-M", "prepared", "-c", str(cfg.conn), "-j", str(cfg.threads), "-T", str(secs),
        "-f", script, "-D", f"concert={b.concert}", "-D", f"smin={smin}", "-D", f"smax={smax}",
        "-D", f"seats={seats}"])
    r1 = int(b.db.query("select count(*) from reservation where user_id = 'raw-bench'"))
    js["held"] = r1 - r0
    b.rec.record(sc, "raw", ph, rep, js, before, after, secs_, tf)
    log(f"  raw     {sc} {ph}#{rep}: {floor(js['rps'])} tx/s, p50 {floor2(js['p50_ms'])} ms, "
        f"p99 {floor2(js['p99_ms'])} ms, held {js['held']}")
    b.rec.last = js
    return js


def run_pgbench_pay(b, sc, ph, rep, secs, conns, wallets, extra=(), note=""):
    """pgbench on the payment transaction (bench/pgbench/pay.sql), recorded."""
    cfg = b.cfg
    wait_pool_idle(b)
    js, before, after, secs_, tf = _pgbench(b, sc, ph, rep, [
        "pgbench", "-n", "-M", "prepared", "-c", str(conns), "-j", str(cfg.threads), "-T", str(secs),
        "-f", "bench/pgbench/pay.sql", "-D", f"clients={conns}", "-D", f"wallets={wallets}", "-D", "k=0"] + list(extra),
        ": did it run out of prepared reservations? (BENCH_PAY_RAW_MAX_TPS)")
    js["connections"] = conns
    b.rec.record(sc, "raw", ph, rep, js, before, after, secs_, tf, note)
    log(f"  raw     {sc} {ph}#{rep}: {floor(js['rps'])} tx/s, p50 {floor2(js['p50_ms'])} ms, "
        f"p99 {floor2(js['p99_ms'])} ms ({conns} connections)")
    b.rec.last = js
    return js


# ------------------------------------------------------------------------------------- the service's pool
def wait_pool_idle(b):
    """With a shared cluster (100 connections) the service's pool shrinks before pgbench opens its own."""
    limit = b.cluster.max_connections() - b.cfg.conn - 5
    n = 0
    for _ in range(60):
        n = int(psql("select count(*) from pg_stat_activity where backend_type = 'client backend'"))
        if n <= limit:
            return
        time.sleep(0.5)
    die(f"PostgreSQL still has {n} client connections; pgbench needs {b.cfg.conn} of max_connections")


def fill_pool(b, conns, mode="fill"):
    """The service's pool shrinks while pgbench runs (the two share PostgreSQL's max_connections); pgbench
    opens its connections before it starts measuring, so the service gets its pool back before its measured
    run too: two seconds of unmeasured requests at the run's concurrency: before holds, refused holds (seat
    hot seats + 1 of the hot schedule, which it does not have: a 404 after the transaction of a refused hold,
    which holds a connection as long as a hold does and writes nothing); before payments, whose fans' queue
    tokens are gone by then, reads of an unknown reservation (a 404 after one SELECT)."""
    cfg = b.cfg
    if b.pool_min >= cfg.conn:
        return  # the pool never shrinks (the benchmark's own cluster has room for both)
    out = b.work / "fill.txt"
    e = dict(os.environ, BENCH_MODE=mode, BENCH_USERS=str(b.fans_with_tokens), BENCH_THREADS=str(cfg.threads),
             BENCH_SCHED_MIN=str(b.hot_sid), BENCH_SCHED_MAX=str(b.hot_sid), BENCH_SEATS=str(cfg.hot_seats))
    with open(out, "w") as fh:
        rc = subprocess.run(["wrk", f"-t{cfg.threads}", f"-c{conns}", "-d2s", "--timeout", "10s", "-s",
                             "bench/wrk/bench.lua", b.base], stdout=fh, stderr=subprocess.STDOUT, env=e).returncode
    if rc != 0:
        show(read(out))
        die("wrk failed (pool fill)")
    js = None
    for line in read(out).splitlines():
        if line.startswith("JSON:"):
            js = json.loads(line[5:])
    if js is None or sorted(js["status"]) != ["404"]:
        show(read(out))
        die("pool fill: expected only 404s")
    n = psql(f"select count(*) from pg_stat_activity where datname = '{b.db.name}' and backend_type = 'client backend'")
    log(f"  pool refilled: {n} connections to {b.db.name}")
