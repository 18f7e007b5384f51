"""1. Queue entry: POST /api/v1/concerts/{id}/queue/tokens (wrk) against EVALSHA of the entry script
(redis-benchmark) on a raw room of its own."""
import datetime
import math
import time

from ..common import ROOT, log
from ..measure import run_redis, run_wrk

SC = "queue_entry"


def room_keys(prefix, room):
    """The room's keys as RedisQueueStore.keys() lists them (16 since the on-sale time's pre-queue, D52, and
    the sold-out mark, D53)."""
    return [f"{room}waiting", f"{room}active", f"{room}user-token", f"{room}token-user", f"{room}since",
            f"{room}max-active", f"{room}rate", f"{prefix}rooms", f"{room}waiting-seen",
            f"{room}max-active-version", f"{room}restored", f"{room}pre-queue", f"{room}pre-queue-frozen",
            f"{room}opened", f"{room}sold-out", f"{room}pre-queue-floor"]


def entry_script():
    """enter.lua with the shared functions of gcra.lua and restore.lua in front, each followed by a
    newline, as adapters.redis.LuaScript builds it."""
    return "".join((ROOT / "src/main/resources/redis" / name).read_text() + "\n"
                   for name in ("gcra.lua", "restore.lua", "enter.lua"))


def settle(b, key, interval_s=0.5, deadline_s=15):
    """Waits until the entries still in the service when wrk stopped (up to one per connection) have
    landed: the room's fan count unchanged over interval_s. Counted earlier, a late entry makes the
    fans with a queue token outnumber the fans counted."""
    deadline = time.time() + deadline_s
    last = int(b.redis("HLEN", key))
    while time.time() < deadline:
        time.sleep(interval_s)
        n = int(b.redis("HLEN", key))
        if n == last:
            return
        last = n
    log(f"  note: {key} still grew after {deadline_s} s")


def run(b):
    cfg = b.cfg
    log(f"scenario 1: queue entry ({cfg.conn} connections, {cfg.fans} fans)")
    b.api("PUT", f"/api/v1/admin/concerts/{b.concert}/queue", {"maxActive": 0})
    b.raw_concert = b.concert + 1000000
    b.raw_room = f"{b.prefix}{{c{b.raw_concert}}}:"
    b.raw_keys = room_keys(b.prefix, b.raw_room)
    b.redis("SET", f"{b.raw_room}max-active", 0)
    # the raw call counts no rate-limit buckets (the service does: its cost is part of the service/raw ratio)
    sha = b.redis.script_load(entry_script(), "SCRIPT LOAD failed")
    now_ms = int(time.time()) * 1000
    # ARGV: user, token, now, max-active, TTL, concert, arrival order, no returning token ('' '' ''), restore
    # window, no on-sale time ('')
    enter = ["EVALSHA", sha, str(len(b.raw_keys))] + b.raw_keys + [
        "rawfan:__rand_int__", f"{b.raw_concert}.rawtoken__rand_int__", str(now_ms), "100", "3600000",
        str(b.raw_concert), str(now_ms * 1000), "", "", "", "3600000", ""]
    # a sanity call, then calibrate the request count of redis-benchmark (it runs for -n requests, not seconds)
    b.redis("EVALSHA", sha, len(b.raw_keys), *b.raw_keys, "rawfan:check", f"{b.raw_concert}.check", now_ms, 100,
            3600000, b.raw_concert, now_ms * 1000, "", "", "", 3600000, "", what="EVALSHA enter.lua failed")
    run_redis(b, SC, "warmup", 0, cfg.warm * 20000, enter)
    n_enter = math.floor(b.rec.last["rps"] * cfg.dur)
    run_wrk(b, SC, "warmup", 0, cfg.warm, "enter", b.tokens.fan_file, BENCH_CONCERT=b.concert)
    for r in range(1, cfg.repeats + 1):
        run_redis(b, SC, "measure", r, n_enter, enter)
        run_wrk(b, SC, "measure", r, cfg.dur, "enter", b.tokens.fan_file, BENCH_CONCERT=b.concert)
    b.room = f"{b.prefix}{{c{b.concert}}}:"
    settle(b, f"{b.room}user-token")
    waiting = int(b.redis("ZCARD", f"{b.room}waiting"))
    b.entered = int(b.redis("HLEN", f"{b.room}user-token"))
    b.waiting = waiting
    # how many distinct fans the timed runs reached depends on throughput; none may hold two places
    b.rec.check("queue entry: every fan who entered waits exactly once",
                waiting == b.entered and 0 < waiting <= cfg.fans,
                f"waiting set has {waiting} tokens for {b.entered} fans who entered "
                f"({cfg.fans} in the fan list, maxActive 0)")


SC_COLD = "queue_entry_cold"


class ColdPool:
    """A file of JWTs the service has never seen, each sent once: every wrk run starts after the lines the
    runs before it used (BENCH_SKIP)."""

    def __init__(self, path, threads):
        self.path = path
        self.threads = threads
        self.skip = 0
        self.size = sum(1 for line in open(path) if line.strip())

    def run(self, b, sc, ph, rep, secs, mode, **env):
        js = run_wrk(b, sc, ph, rep, secs, mode, self.path, once=True, BENCH_SKIP=self.skip, **env)
        self.skip += js.get("used", 0) * self.threads
        return js


def run_cold(b):
    """1b. Queue entry by first-time fans (D64): every request a JWT the service has never verified (the
    cold-token pool, subs coldfan1..n) for a room of its own, so the first pass over the fan list above and
    its checks stay as they were. Raw: the same entry script for users drawn from 10^9 (nearly every call a
    first entry, as on the service side). The cached-token runs above keep their tokens in the service's
    verified-token cache; these evict them, so they run after them."""
    cfg = b.cfg
    pool = ColdPool(b.cold_entry_file, cfg.threads)
    log(f"scenario 1b: queue entry by first-time fans ({pool.size} never-seen JWTs, {cfg.conn} connections)")
    starts = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=30)).strftime("%Y-%m-%dT20:00:00Z")
    b.cold_concert = b.api("POST", "/api/v1/admin/concerts", {
        "title": "First-time fans", "schedules": [{"startsAt": starts, "seatCount": 10, "price": 1000}]},
        what="seeding the first-time fans' concert failed")["id"]
    b.api("PUT", f"/api/v1/admin/concerts/{b.cold_concert}/queue", {"maxActive": 0})
    raw_room = f"{b.prefix}{{c{b.raw_concert + 1}}}:"
    keys = room_keys(b.prefix, raw_room)
    b.redis("SET", f"{raw_room}max-active", 0)
    sha = b.redis.script_load(entry_script(), "SCRIPT LOAD failed")
    now_ms = int(time.time()) * 1000
    enter = ["EVALSHA", sha, str(len(keys))] + keys + [
        "rawnew:__rand_int__", f"{b.raw_concert + 1}.rawnew__rand_int__", str(now_ms), "100", "3600000",
        str(b.raw_concert + 1), str(now_ms * 1000), "", "", "", "3600000", ""]
    run_redis(b, SC_COLD, "warmup", 0, cfg.cold_warm * 20000, enter, keyspace=10 ** 9)
    n_enter = math.floor(b.rec.last["rps"] * cfg.cold_dur)
    pool.run(b, SC_COLD, "warmup", 0, cfg.cold_warm, "enter", BENCH_CONCERT=b.cold_concert)
    for r in range(1, cfg.repeats + 1):
        run_redis(b, SC_COLD, "measure", r, n_enter, enter, keyspace=10 ** 9)
        pool.run(b, SC_COLD, "measure", r, cfg.cold_dur, "enter", BENCH_CONCERT=b.cold_concert)
    room = f"{b.prefix}{{c{b.cold_concert}}}:"
    settle(b, f"{room}user-token")
    entered = int(b.redis("HLEN", f"{room}user-token"))
    waiting = int(b.redis("ZCARD", f"{room}waiting"))
    b.rec.check("queue entry, first-time fans: each entered once, every request a new fan",
                waiting == entered and 0 < entered <= pool.skip,
                f"{entered} first-time fans waiting once each ({waiting} in the waiting set) after {pool.skip} "
                f"never-seen JWTs of {pool.size} were handed out")
