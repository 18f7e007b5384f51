"""Admission: the service runs with queue.admit-interval=1h (its scheduler stays out of the way): one
trigger of the queue-admission job moves every WAITING fan to ACTIVE (one admit.lua call per concert).
Raw: the same script on the raw room's waiting set. Rate = fans admitted / wall time of the call.
The hold and payment scenarios need the fans ACTIVE, so this runs for them too (measured only when
the admission scenario is wanted)."""
import time

from ..common import ROOT, die, log


def _figures(n, secs, **extra):
    return dict({"requests": n, "rps": n / secs, "p50_ms": None, "p99_ms": None, "p999_ms": None,
                 "mean_ms": secs * 1000, "max_ms": secs * 1000}, **extra)


def run(b, measured):
    log(f"admission: admitting the {b.entered} fans who entered (maxActive 1000000)")
    if measured:
        b.redis("SET", f"{b.raw_room}max-active", 1000000)
        sha = b.redis.script_load((ROOT / "src/main/resources/redis/admit.lua").read_text(), "SCRIPT LOAD admit.lua failed")
        raw_waiting = b.redis("ZCARD", f"{b.raw_room}waiting")
        before, t0 = b.cpu.snap(), time.time()
        reply = b.redis("EVALSHA", sha, len(b.raw_keys), *b.raw_keys, int(time.time()) * 1000, 1000000, 3600000, b.raw_concert, 1,
                        3600000, what="EVALSHA admit.lua failed")
        t1, after = time.time(), b.cpu.snap()
        n = int(reply.splitlines()[0])
        b.rec.record("admission", "raw", "measure", 1, _figures(n, t1 - t0), before, after, t1 - t0, "/dev/null",
                     f"one EVALSHA admit.lua admitting {n} of {raw_waiting} waiting")
        log(f"  raw     admission: {n} fans in {round((t1 - t0) * 1000, 1)} ms")
    b.api("PUT", f"/api/v1/admin/concerts/{b.concert}/queue", {"maxActive": 1000000})
    before, t0 = b.cpu.snap(), time.time()
    admitted = b.api("POST", "/api/v1/admin/jobs/queue-admission/run", what="triggering queue-admission failed")["processed"]
    t1, after = time.time(), b.cpu.snap()
    if measured:
        b.rec.record("admission", "service", "measure", 1, _figures(admitted, t1 - t0, status={}), before, after,
                     t1 - t0, "/dev/null", f"one POST /api/v1/admin/jobs/queue-admission/run admitting {admitted}")
        log(f"  service admission: {admitted} fans in {round((t1 - t0) * 1000, 1)} ms")
    for i in range(1, 61):
        active = b.api("GET", f"/api/v1/admin/concerts/{b.concert}/queue")["active"]
        if active >= b.entered:
            break
        time.sleep(1)
        if i == 60:
            die(f"only {active} of {b.entered} fans were admitted within 60 s")
    log(f"all {active} fans are ACTIVE")
