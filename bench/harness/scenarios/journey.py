"""7. The whole fan journey as a mix: enter the waiting room (straight to ACTIVE: maxActive is high), list
the dates, list one date's seats, hold a random seat (another on 409), top up the wallet, pay. Each wrk
thread owns one connection and one fan at a time (bench/wrk/journey.lua). No raw baseline: it is the sum
of the scenarios above; the figure is journeys per second and the latency of every request."""
import json
import os
import subprocess
import time
from dataclasses import dataclass

from ..common import compact, die, floor, jqnum, log, read, show, timed
from . import payments


@dataclass
class JourneyChecks:
    runs: int = 0
    negative: int = 0
    ledger: int = 0
    double: int = 0


def run(b):
    cfg, c = b.cfg, b.journeys
    log(f"scenario 7: full journey mix ({cfg.conn} connections, {b.j_schedules} dates × {b.j_seats} seats)")
    b.api("PUT", f"/api/v1/admin/concerts/{b.jconcert}/queue", {"maxActive": 1000000})
    for r in range(0, cfg.repeats + 1):
        ph, secs = ("warmup", cfg.warm) if r == 0 else ("measure", cfg.dur)
        if cfg.quick and r == 0:
            continue
        payments.reset(b)
        out = b.work / f"wrk-journey-{ph}-{r}.txt"
        tf = b.work / f"time-journey-{ph}-{r}"
        e = dict(os.environ, BENCH_USERS=str(b.tokens.fan_file), BENCH_THREADS=str(cfg.conn), BENCH_CONCERT=str(b.jconcert),
                 BENCH_SCHED_MIN=str(b.j_smin), BENCH_SCHED_MAX=str(b.j_smax), BENCH_SEATS=str(b.j_seats),
                 BENCH_PRICE=str(b.j_price))
        before, t0 = b.cpu.snap(), time.time()
        with open(out, "w") as fh:
            rc = subprocess.run(timed(["wrk", f"-t{cfg.conn}", f"-c{cfg.conn}", f"-d{secs}s", "--timeout", "10s",
                                       "--latency", "-s", "bench/wrk/journey.lua", b.base], tf),
                                stdout=fh, stderr=subprocess.STDOUT, env=e).returncode
        if rc != 0:
            show(read(out))
            die(f"wrk failed (journey {ph})")
        t1, after = time.time(), b.cpu.snap()
        js = next((json.loads(line[5:]) for line in read(out).splitlines() if line.startswith("JSON:")), None)
        if js is None:
            show(read(out))
            die("wrk printed no result (journey)")
        b.rec.record("journey", "service", ph, r, js, before, after, t1 - t0, tf)
        log(f"  service journey {ph}#{r}: {floor(js['journeys_per_s'])} journeys/s, {floor(js['rps'])} req/s, "
            f"p50 {jqnum(js['p50_ms'])} ms, p99 {jqnum(js['p99_ms'])} ms, {js['lost_seats']} lost seats, "
            f"status {compact(js['status'])}")
        c.runs += 1
        c.negative += b.db.count(payments.NEGATIVE)
        c.ledger += b.db.count(payments.LEDGER)
        c.double += b.db.count(payments.SOLD_TWICE)
        n = js["journeys"]
        rows = b.db.count("select count(*) from payment")
        if not (rows >= n and n > 0):
            c.double += 1
            log(f"  journey {ph}#{r}: {n} journeys but {rows} payments")


def final_checks(b):
    c = b.journeys
    if c.runs == 0:
        return
    b.rec.check("journey: no negative balance, balances equal their ledger, no seat sold twice, a payment per journey",
                c.negative + c.ledger + c.double == 0,
                f"{c.negative} negative, {c.ledger} ledger differences, {c.double} seats sold twice or journeys "
                f"without payment, after each of {c.runs} runs")
