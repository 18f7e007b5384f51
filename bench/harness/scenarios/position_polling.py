"""2. Position polling: GET /api/v1/queue/token (wrk) against ZRANK on a sorted set as large as the
service's waiting set (redis-benchmark); then the same polling at 70 % of the service's median peak,
paced (fixed overall rate, bench/paced/paced.js on autocannon), so queueing inside the service does not
hide in the latency figure."""
import json
import math
import subprocess
import time

from ..common import die, floor, jqnum, log, timed
from ..measure import run_redis, run_wrk, wait_pool_idle
from ..redis import resp

SC = "position_polling"


def prepare(b):
    """The fans who entered, each with its queue token (fans-with-tokens: "<jwt> <queue token>" per line):
    the fan file's line i has sub subs[i], joined with Redis' user -> token hash. Holds need it too."""
    log("scenario 2: position polling")
    lines = [line.strip() for line in b.redis("HGETALL", f"{b.room}user-token").splitlines() if line.strip()]
    tokens = dict(zip(lines[0::2], lines[1::2]))
    n = 0
    with open(b.fans_with_tokens, "w") as out:
        for sub, jwt in zip(b.tokens.subs, b.tokens.jwts()):
            if sub in tokens:
                out.write(f"{jwt} {tokens[sub]}\n")
                n += 1
    if n != b.entered or b.entered <= 0:
        die(f"{n} fans matched a queue token, expected {b.entered}")


def run(b):
    cfg = b.cfg
    # raw: a sorted set as large as the service's waiting set, members rawm:<12-digit n> like __rand_int__
    raw_wait = f"{b.raw_room}poll-waiting"
    b.redis.pipe("".join(resp("ZADD", raw_wait, str(i), "rawm:%012d" % i) for i in range(b.waiting)),
                 "loading the raw waiting set failed")
    poll = ["ZRANK", raw_wait, "rawm:__rand_int__"]
    run_redis(b, SC, "warmup", 0, cfg.warm * 40000, poll)
    n_poll = math.floor(b.rec.last["rps"] * cfg.dur)
    b.rec.last_raw_poll_rps = b.rec.last["rps"]
    run_wrk(b, SC, "warmup", 0, cfg.warm, "poll", b.fans_with_tokens)
    for r in range(1, cfg.repeats + 1):
        run_redis(b, SC, "measure", r, n_poll, poll)
        run_wrk(b, SC, "measure", r, cfg.dur, "poll", b.fans_with_tokens)
    paced(b)


def paced(b):
    cfg = b.cfg
    peaks = sorted(r["rps"] for r in b.rec.runs()
                   if r["scenario"] == SC and r["side"] == "service" and r["phase"] == "measure")
    peak = peaks[len(peaks) // 2]
    rate = max(1, int(peak * 0.7))
    log(f"  paced   {SC} at {rate} req/s (70 % of {peak:.0f})")
    wait_pool_idle(b)
    tf = b.work / "time-paced"
    before, t0 = b.cpu.snap(), time.time()
    res = subprocess.run(timed(["node", "bench/paced/paced.js", b.base, b.fans_with_tokens, rate, cfg.dur, cfg.conn], tf),
                         stdout=subprocess.PIPE, text=True)
    if res.returncode != 0:
        die("paced polling failed")
    t1, after = time.time(), b.cpu.snap()
    try:
        js = json.loads(res.stdout)
    except ValueError:
        die(f"paced polling printed no result: {res.stdout[:200]}")
    js["peak_rps"] = peak
    b.rec.record("position_polling_paced", "service", "paced", 1, js, before, after, t1 - t0, tf)
    log(f"  paced   {SC}: {floor(js['rps'])} req/s of {jqnum(js['target_rps'])} target, p50 {jqnum(js['p50_ms'])} ms, "
        f"p99 {jqnum(js['p99_ms'])} ms, p99.9 {jqnum(js['p999_ms'])} ms, non-2xx {js['non2xx']}, errors {js['errors']}")
    b.rec.check("paced polling: no errors, only 200s", js["non2xx"] + js["errors"] == 0,
                f"{js['requests']} requests, {js['non2xx']} non-2xx, {js['errors']} errors")


SC_COLD = "position_polling_cold"


def run_cold(b):
    """2b. Position polling with JWTs the service has never verified (D64): each fan who entered polls with
    further tokens of its own (another jti each, the poll pool), every request a new string, as on an
    instance the platform has just started. Raw: ZRANK again, alternating."""
    from .queue_entry import ColdPool
    cfg = b.cfg
    lines = [line.strip() for line in b.redis("HGETALL", f"{b.room}user-token").splitlines() if line.strip()]
    tokens = dict(zip(lines[0::2], lines[1::2]))
    path = b.work / "cold-polls"
    n = 0
    with open(path, "w") as out, open(b.poll_pool_file) as jwts:
        for sub, jwt in zip(b.tokens.poll_subs(b.poll_variants), jwts):
            if sub in tokens:
                out.write(f"{jwt.strip()} {tokens[sub]}\n")
                n += 1
    if n == 0:
        die("no fan of the poll pool has a queue token")
    pool = ColdPool(path, cfg.threads)
    log(f"scenario 2b: position polling with never-seen JWTs ({pool.size} of them)")
    raw_wait = f"{b.raw_room}poll-waiting"
    poll = ["ZRANK", raw_wait, "rawm:__rand_int__"]
    n_poll = math.floor(b.rec.last_raw_poll_rps * cfg.cold_dur)
    pool.run(b, SC_COLD, "warmup", 0, cfg.cold_warm, "poll")
    for r in range(1, cfg.repeats + 1):
        run_redis(b, SC_COLD, "measure", r, n_poll, poll)
        pool.run(b, SC_COLD, "measure", r, cfg.cold_dur, "poll")
