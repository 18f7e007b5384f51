"""A fresh instance in the first minute of an on-sale (issue #22, D64): start the service and, from the moment it
is ready, drive first-time queue entries at it for 60 s, every request a JWT it has never seen (the cold-token
pool of bench/run.sh, bench/MintTokens.java); per second: throughput, p50/p99 and the service's CPU. Once per
start-up option of docs/native.md and for the AOT cache trained by scripts/aot-train.sh (D65). Writes
benchmarks/cold-instance.{md,json,png} (docs/ or $BENCH_OUT) and its section of benchmarks.md.

  bench/cold-instance.sh          every variant, 60 s each, against a warm reference (about 13 minutes, plus the
                                  JWT pool's minting the first time in 5 hours)
  bench/cold-instance.sh --quick  two variants (plain JVM, C1 only) for 8 s each at a capped 1,500 req/s, a 3 s
                                  warm reference (CI smoke test, < 60 s once the pool is minted; the figures mean little)

Per variant: the schema is in place (a restart or a scale-out start: the reference instance migrated it), Redis
has a key prefix of its own (an empty waiting room), the load starts when /q/health/ready first answers UP
(the platform routes no traffic before; the load generator loads its JWTs while the JVM starts and polls
readiness every 20 ms), 64 connections (closed loop, like wrk) of node bench/paced/coldstart.js
(autocannon: wrk reports no per-second latency). Reported: time from process start to ready, requests per
second, p99 per second, requests served in the first 10 s and 60 s, seconds until throughput reaches 80 % of
warm (the first second from which the 3-second mean is ≥ 80 % of the reference), service CPU µs per request in
the first 10 s and over the 60 s, peak RSS.
Warm reference: a plain-JVM instance warmed 45 s with cached tokens (the fans' pool) and 15 s with never-seen
ones, then measured for 20 s with never-seen ones, the same load generator.

Environment: BENCH_OUT, BENCH_COLD_TOKENS (pool size, default 650000, --quick 16000: one instance's 60 s must
fit), BENCH_COLD_SECONDS (60, --quick 8), BENCH_COLD_RATE (overall cap, req/s; default none, --quick 1500),
BENCH_COLD_VARIANTS (space-separated subset of the variant keys below), BENCH_AOT_CACHE (a trained cache to use
instead of training one with scripts/aot-train.sh), BENCH_TRAIN_SECONDS (the training workload, default 60),
BENCH_AOT_APP (a second quarkus-app directory built with -Dquarkus.package.jar.type=aot-jar: adds its variant),
and everything bench/run.sh reads (BENCH_CONNECTIONS, BENCH_JAVA_OPTS, BENCH_PG, BENCH_USER_RATE, ...).
"""
import datetime
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from . import config, tokens as tokens_mod
from .common import (ROOT, Api, Exit, Failed, HttpError, die, free_port, have, http, log, on_term_exit, output,
                     quick_flag, read, set_tag, use_jdk)
from .postgres import Cluster, Database, reachable, use_env_defaults
from .redis import Redis
from .run import service_command
from .service import Service

IDLE, TRAINED = "idle", "trained"
# key, title, JVM options, AOT cache used (None, IDLE: trained by one idle start as docs/native.md did,
# TRAINED: scripts/aot-train.sh's workload)
VARIANTS = [
    ("plain", "plain JVM (G1, C1 + C2)", [], None),
    ("c1", "SerialGC, C1 only", ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"], None),
    ("aot_idle", "AOT cache trained by an idle start", [], IDLE),
    ("aot_idle_c1", "AOT cache (idle start), SerialGC, C1 only", ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"], IDLE),
    ("aot_trained", "AOT cache trained by scripts/aot-train.sh", [], TRAINED),
    ("aot_trained_serial", "AOT cache (aot-train.sh), SerialGC", ["-XX:+UseSerialGC"], TRAINED),
]
QUICK_VARIANTS = ("plain", "c1")


class Ctx:
    pass


def rolling_reach(series, warm, share=0.8, window=3):
    """The first second (1-based) from which the mean of `window` seconds reaches share × warm; None if never."""
    for i in range(len(series) - window + 1):
        if sum(series[i:i + window]) / window >= share * warm:
            return i + 1
    return None


def cpu_ticks(pid):
    try:
        data = open(f"/proc/{pid}/stat").read()
    except OSError:
        return 0
    rest = data[data.rindex(")") + 2:].split()
    return int(rest[11]) + int(rest[12])


def launch(c, key, jvm, aot):
    """A fresh instance (its own Redis prefix), launched; returns (service, base URL, management URL, start time)."""
    cfg = c.cfg
    port, mport = free_port(), free_port()
    prefix = f"{c.prefix}{key}:"
    extra = list(jvm)
    if aot:
        extra = [f"-XX:AOTCache={aot}", "-XX:AOTMode=on"] + extra  # on: a cache that does not match is an error
    cmd = service_command(cfg, c.db.name, prefix, c.tokens.public_key, port, mport, cfg.conn, extra)
    svc = Service(c.work / f"app-{key}.log")
    t0 = time.time()
    svc.start(cmd)
    c.services.append(svc)
    return svc, f"http://127.0.0.1:{port}", f"http://127.0.0.1:{mport}", t0


def start(c, key, jvm, aot):
    """launch() and wait until /q/health/ready answers; returns (service, base URL)."""
    svc, base, management, t0 = launch(c, key, jvm, aot)
    while True:
        try:
            http("GET", f"{management}/q/health/ready", timeout=5)
            return svc, base
        except HttpError:
            pass
        check_alive(c, svc, key, t0)
        time.sleep(0.02)


def check_alive(c, svc, key, t0):
    if not svc.alive():
        sys.stderr.write("\n".join(read(svc.log_file).splitlines()[-30:]) + "\n")
        die(f"the service exited during start-up ({key})")
    if time.time() - t0 > 300:
        die(f"the service was not ready within 300 s ({key})")


def stop(c, svc, grace_s=10):
    svc.stop(grace_s)
    c.services.remove(svc)


def load(c, base, pool, skip, secs, rate=0, cycle=False, svc=None, ready=None, key=""):
    """node bench/paced/coldstart.js; with ready=(management URL, start time) it loads its JWTs while the service
    starts and begins the load at the first UP of /q/health/ready. The service's CPU is sampled every 0.25 s."""
    samples = []
    args = ["node", "bench/paced/coldstart.js", base, str(pool), str(skip), str(c.concert), str(secs), str(c.cfg.conn),
            str(rate), "1" if cycle else "0"]
    if ready:
        args += [f"{ready[0]}/q/health/ready", str(int(ready[1] * 1000))]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    out = []
    reader = threading.Thread(target=lambda: out.append(proc.stdout.read()), daemon=True)
    reader.start()
    while proc.poll() is None:
        if svc:
            samples.append((time.time(), cpu_ticks(svc.pid)))
            if ready and not svc.alive():
                proc.kill()
                check_alive(c, svc, key, ready[1])
        time.sleep(0.25)
    reader.join()
    if proc.returncode != 0:
        die("the load generator failed (bench/paced/coldstart.js)")
    js = json.loads(out[0])
    js["cpu_samples"] = samples
    return js


def cpu_us(c, js, upto_s):
    """The service's CPU µs per request over the first upto_s seconds of the load (from the 0.25 s samples)."""
    samples = js["cpu_samples"]
    if len(samples) < 2:
        return None
    t0 = js["t0_ms"] / 1000
    first = min(samples, key=lambda s: abs(s[0] - t0))
    last = min(samples, key=lambda s: abs(s[0] - (t0 + upto_s)))
    reqs = sum(p["responses"] for p in js["per_second"][:upto_s])
    if reqs == 0 or last[0] <= first[0]:
        return None
    return round((last[1] - first[1]) / c.clk * 1e6 / reqs, 1)


def warm_reference(c):
    """The plain JVM, warm: this instance also migrates the schema and seeds the concert."""
    cfg = c.cfg
    log("warm reference: a plain-JVM instance (migrates the schema, seeds the concert)")
    svc, base = start(c, "reference", [], None)
    c.api = Api(base, c.tokens.admin)
    starts = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=30)).strftime("%Y-%m-%dT20:00:00Z")
    c.concert = c.api("POST", "/api/v1/admin/concerts", {
        "title": "Cold instance", "schedules": [{"startsAt": starts, "seatCount": 10, "price": 1000}]})["id"]
    c.api("PUT", f"/api/v1/admin/concerts/{c.concert}/queue", {"maxActive": 0})
    warm_cached, warm_cold, measured = (2, 1, 3) if cfg.quick else (45, 15, 20)
    c.warm_s = warm_cached + warm_cold
    load(c, base, c.tokens.fan_file, 0, warm_cached, c.rate, cycle=True)
    js = load(c, base, c.pool, 0, warm_cold, c.rate)
    js = load(c, base, c.pool, js["used"], measured, c.rate, svc=svc)
    stop(c, svc)
    series = [p["responses"] for p in js["per_second"]]
    c.warm = sorted(series)[len(series) // 2] if series else 0
    log(f"  warm: {c.warm:,} req/s (median second of {measured} s), p99 {js['p99_ms']} ms, "
        f"{cpu_us(c, js, measured)} µs CPU/req")
    c.reference = {"rps_median_second": c.warm, "rps": js["rps"], "p99_ms": js["p99_ms"],
                   "cpu_us_per_req": cpu_us(c, js, measured), "seconds": measured, "per_second": js["per_second"]}
    if js["reused"]:
        die(f"the warm reference reused {js['reused']} JWTs: raise BENCH_COLD_TOKENS")


def train_idle(c, path):
    """The AOT cache docs/native.md measured: one start recorded, a few requests, a clean stop."""
    log("training an AOT cache by an idle start (a few requests, as docs/native.md did)")
    svc, base = start(c, "idle-train", [f"-XX:AOTCacheOutput={path}"], None)
    for _ in range(50):
        http("GET", f"{base}/api/v1/concerts")
        http("POST", f"{base}/api/v1/concerts/{c.concert}/queue/tokens", c.tokens.admin)
    stop(c, svc, grace_s=300)
    if not path.is_file() or path.stat().st_size == 0:
        die("the idle start wrote no AOT cache")


def train_workload(c, path):
    given = os.environ.get("BENCH_AOT_CACHE")
    if given:
        shutil.copy(given, path)
        return
    secs = os.environ.get("BENCH_TRAIN_SECONDS") or ("10" if c.cfg.quick else "60")
    log(f"training an AOT cache with scripts/aot-train.sh ({secs} s workload)")
    env = dict(os.environ, TRAIN_APP=c.cfg.app_dir, TRAIN_SECONDS=secs)
    with open(c.work / "aot-train.log", "w") as fh:
        rc = subprocess.run(["scripts/aot-train.sh", str(path)], env=env, stdout=fh, stderr=subprocess.STDOUT).returncode
    if rc != 0:
        sys.stderr.write(read(c.work / "aot-train.log")[-3000:])
        die("scripts/aot-train.sh failed")


def measure(c, key, title, jvm, aot):
    cfg = c.cfg
    log(f"variant {key}: {title}")
    svc, base, management, t0 = launch(c, key, jvm, aot)
    js = load(c, base, c.pool, 0, c.seconds, c.rate, svc=svc, ready=(management, t0), key=key)
    ready_s = js["ready_s"]
    rss = svc.peak_rss_kb() // 1024
    stop(c, svc)
    per = js["per_second"]
    series = [p["responses"] for p in per]
    reach = rolling_reach(series, c.warm) if c.warm else None
    non2xx = sum(p["non2xx"] for p in per)
    row = {
        "key": key, "title": title, "jvm": " ".join(jvm), "aot_cache": aot and Path(aot).name,
        "ready_s": round(ready_s, 2), "requests_10s": sum(series[:10]), "requests_60s": sum(series[:c.seconds]),
        "seconds_to_80pct_warm": reach, "p99_first_10s_ms": max((p["p99_ms"] or 0) for p in per[:10]) if per else None,
        "p99_ms": js["p99_ms"], "cpu_us_per_req_10s": cpu_us(c, js, 10), "cpu_us_per_req": cpu_us(c, js, c.seconds),
        "peak_rss_mb": rss, "non2xx": non2xx, "errors": js["errors"] + js["timeouts"], "reused": js["reused"],
        "per_second": per,
    }
    log(f"  ready after {row['ready_s']} s; {row['requests_10s']:,} requests in the first 10 s, "
        f"{row['requests_60s']:,} in {c.seconds} s; 80 % of warm after {reach} s; "
        f"CPU {row['cpu_us_per_req_10s']} µs/req (10 s), {row['cpu_us_per_req']} µs/req ({c.seconds} s); RSS {rss} MB")
    if non2xx or row["errors"]:
        c.failed.append(f"{key}: {non2xx} non-2xx, {row['errors']} errors")
    if js["reused"]:
        c.failed.append(f"{key}: {js['reused']} requests reused a JWT (raise BENCH_COLD_TOKENS)")
    return row


def chart(c, rows, out_dir):
    if not have("gnuplot") or not rows:
        return []
    dat = out_dir / ".cold.dat"
    with open(dat, "w") as fh:
        for r in rows:
            fh.write(f'# {r["key"]}\n')
            for p in r["per_second"]:
                fh.write(f'{p["s"]} {p["responses"]} {p["p99_ms"] if p["p99_ms"] is not None else "?"}\n')
            fh.write("\n\n")
    png = out_dir / "cold-instance.png"
    plots_rps = ", ".join(f"'{dat}' index {i} using 1:2 with lines lw 2 title '{r['title']}'" for i, r in enumerate(rows))
    plots_p99 = ", ".join(f"'{dat}' index {i} using 1:3 with lines lw 2 title '{r['title']}'" for i, r in enumerate(rows))
    script = f"""set terminal pngcairo size 1100,900 noenhanced font 'sans,10'
set output '{png}'
set datafile missing '?'
set multiplot layout 2,1 title 'A fresh instance under first-time queue entries (never-seen JWTs, {c.cfg.conn} connections), from ready'
set grid
set key outside right top
set xlabel 'seconds since the instance was ready'
set ylabel 'requests / s'
set arrow from graph 0, first {0.8 * c.warm} to graph 1, first {0.8 * c.warm} nohead dashtype 2
set label '80 % of warm ({0.8 * c.warm:,.0f}/s)' at graph 0.01, first {0.8 * c.warm} offset 0,0.7
plot {plots_rps}
unset arrow
unset label
set ylabel 'p99 ms (log scale)'
set logscale y
plot {plots_p99}
unset multiplot
"""
    res = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    dat.unlink()
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        return []
    return [png.name]


def fmt(v, spec=","):
    return "n/a" if v is None else format(v, spec)


def write(c, rows, out):
    bench_dir = out / "benchmarks"
    bench_dir.mkdir(parents=True, exist_ok=True)
    charts = chart(c, rows, bench_dir)
    result = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
              "mode": c.cfg.mode, "commit": output(["git", "rev-parse", "--short", "HEAD"]),
              "java": subprocess.run(["java", "-version"], stderr=subprocess.PIPE, text=True).stderr.splitlines()[0],
              "cores": len(os.sched_getaffinity(0)), "connections": c.cfg.conn, "seconds": c.seconds,
              "rate_cap": c.rate or None, "pool": c.pool_size, "reference": c.reference, "variants": rows,
              "failed": c.failed}
    (bench_dir / "cold-instance.json").write_text(json.dumps(result, indent=1) + "\n")
    table = [
        f"Measured {result['date']} ({c.cfg.mode} mode, commit {result['commit']}, {result['java']}, "
        f"{result['cores']} cores; `bench/cold-instance.sh`). Warm reference: a plain JVM after {c.warm_s} s of load, "
        f"**{c.warm:,} first-time entries/s** (median second), p99 {fmt(c.reference['p99_ms'], ',.0f')} ms, "
        f"{fmt(c.reference['cpu_us_per_req'], ',.0f')} µs CPU per request. Each variant: a fresh instance, "
        f"{c.seconds} s of first-time entries from the moment it is ready"
        + (f", capped at {c.rate:,} req/s" if c.rate else "") + ".",
        "",
        "| start-up option | JVM options (+ `-Xms256m -Xmx256m`) | ready after s | requests in first 10 s | "
        f"requests in {c.seconds} s | s to 80 % of warm | worst p99 of a second in first 10 s, ms | p99 ms over {c.seconds} s | "
        f"CPU µs/req first 10 s | CPU µs/req {c.seconds} s | peak RSS MB |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        opts = " ".join(x for x in ([f"-XX:AOTCache={r['aot_cache']} -XX:AOTMode=on"] if r["aot_cache"] else [])
                        + [r["jvm"]] if x)
        table.append(f"| {r['title']} | `{opts or 'none'}` | {r['ready_s']} | {fmt(r['requests_10s'])} | "
                     f"{fmt(r['requests_60s'])} | {fmt(r['seconds_to_80pct_warm'], '') if r['seconds_to_80pct_warm'] else 'not reached'} | "
                     f"{fmt(r['p99_first_10s_ms'], ',.0f')} | {fmt(r['p99_ms'], ',.0f')} | "
                     f"{fmt(r['cpu_us_per_req_10s'], ',.0f')} | {fmt(r['cpu_us_per_req'], ',.0f')} | {r['peak_rss_mb']} |")
    table += ["", "Goal (issue #22): ≥ 80 % of warm throughput within 10 s of the first request, without C1-only."]
    if charts:
        table += ["", f"![cold instance](benchmarks/{charts[0]})"]
    if c.failed:
        table += ["", "**Failed:** " + "; ".join(c.failed)]
    md = ["# A fresh instance's first minute", "", "Generated by `bench/cold-instance.sh` — do not edit by hand. "
          "Method: the docstring of `bench/harness/cold_instance.py`, [`../benchmarks.md`](../benchmarks.md); "
          "the start-up options: [`../native.md`](../native.md). Per-second figures: "
          "[`cold-instance.json`](cold-instance.json).", ""] + [
        line.replace("benchmarks/cold-instance.png", "cold-instance.png") for line in table]
    (bench_dir / "cold-instance.md").write_text("\n".join(md) + "\n")
    page = out / "benchmarks.md"
    if page.exists():
        import re
        section = "\n".join(["<!-- cold-instance:start -->", "## A fresh instance's first minute", ""] + table
                            + ["<!-- cold-instance:end -->"])
        text = page.read_text()
        if "<!-- cold-instance:start -->" in text:
            text = re.sub(r"<!-- cold-instance:start -->.*?<!-- cold-instance:end -->", lambda m: section, text, flags=re.S)
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
        page.write_text(text)
    log(f"wrote {bench_dir / 'cold-instance.md'}")


def run(c):
    cfg = c.cfg
    for tool in ("node", "redis-cli", "psql"):
        if not have(tool):
            die(f"{tool} is not installed")
    use_jdk()
    if not (ROOT / "bench/paced/node_modules/autocannon").is_dir():
        if subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT / "bench/paced",
                          stdout=subprocess.DEVNULL).returncode != 0:
            die("npm ci in bench/paced failed")
    use_env_defaults()
    c.cluster.start()
    if not reachable():
        die("PostgreSQL is not reachable")
    if not c.redis.ping():
        die("Redis is not reachable")
    if not (ROOT / cfg.app_dir / "quarkus-run.jar").is_file():
        die(f"{cfg.app_dir}/quarkus-run.jar is missing (./mvnw package -DskipTests)")
    output(["scripts/db-roles.sh", c.db.name], "scripts/db-roles.sh failed")
    c.tokens = tokens_mod.Tokens(cfg.fans, c.work)
    c.tokens.start()
    c.pool = c.tokens.cold_pool(c.pool_size)
    c.tokens.finish()
    warm_reference(c)
    wanted = (os.environ.get("BENCH_COLD_VARIANTS") or " ".join(QUICK_VARIANTS if cfg.quick else
                                                                 [v[0] for v in VARIANTS])).split()
    variants = [v for v in VARIANTS if v[0] in wanted]
    aot_app = os.environ.get("BENCH_AOT_APP")
    caches = {}
    if any(v[3] == IDLE for v in variants):
        caches[IDLE] = c.work / "idle.aot"
        train_idle(c, caches[IDLE])
    if any(v[3] == TRAINED for v in variants):
        caches[TRAINED] = c.work / "trained.aot"
        train_workload(c, caches[TRAINED])
    rows = [measure(c, key, title, jvm, caches.get(aot) if aot else None) for key, title, jvm, aot in variants]
    if aot_app:
        path = c.work / "aot-jar.aot"
        secs = os.environ.get("BENCH_TRAIN_SECONDS") or ("10" if cfg.quick else "60")
        log(f"training an AOT cache for {aot_app} (aot-jar packaging) with scripts/aot-train.sh ({secs} s workload)")
        env = dict(os.environ, TRAIN_APP=aot_app, TRAIN_SECONDS=secs)
        with open(c.work / "aot-train-aot-jar.log", "w") as fh:
            if subprocess.run(["scripts/aot-train.sh", str(path)], env=env, stdout=fh, stderr=subprocess.STDOUT).returncode != 0:
                sys.stderr.write(read(c.work / "aot-train-aot-jar.log")[-3000:])
                die("scripts/aot-train.sh failed for BENCH_AOT_APP")
        app_dir, cfg.app_dir = cfg.app_dir, aot_app
        rows.append(measure(c, "aot_jar_trained", "aot-jar packaging + AOT cache (aot-train.sh)", [], path))
        cfg.app_dir = app_dir
    write(c, rows, Path(c.out))
    if c.failed:
        log("FAILED: " + "; ".join(c.failed))
        raise Exit(1)


def main(args):
    quick, status = quick_flag(args, __doc__)
    if status is not None:
        return status
    os.chdir(ROOT)
    set_tag("cold-instance")
    cfg = config.load(quick)
    c = Ctx()
    c.cfg = cfg
    c.clk = os.sysconf("SC_CLK_TCK")
    c.out = os.environ.get("BENCH_OUT") or str(ROOT / ("target/bench-quick" if quick else "docs"))
    c.seconds = int(os.environ.get("BENCH_COLD_SECONDS") or (8 if quick else 60))
    c.rate = int(os.environ.get("BENCH_COLD_RATE") or (1500 if quick else 0))
    c.pool_size = int(os.environ.get("BENCH_COLD_TOKENS") or (16000 if quick else 650000))
    run_id = f"{os.getpid()}_{int(time.time())}"
    c.db = Database(f"cold_{run_id}")
    c.prefix = f"cold{run_id}:"
    c.prefixes = []
    c.work = Path(tempfile.mkdtemp(prefix="cold-instance.", dir="/tmp"))
    c.cluster = Cluster(cfg.pg_mode, cfg.conn, c.work)
    c.redis = Redis(cfg.redis_host, cfg.redis_port)
    c.services = []
    c.failed = []
    c.tokens = None
    c.reference = None
    c.warm = 0
    c.warm_s = 0
    on_term_exit()
    status = 0
    try:
        run(c)
    except Failed:
        status = 1
    except Exit as e:
        status = e.status
    finally:
        for s in list(c.services):
            s.stop()
        if c.tokens:
            c.tokens.stop()
        c.cluster.stop(c.db.name)
        c.redis.delete_prefix(c.prefix)
        if status == 0:
            shutil.rmtree(c.work, ignore_errors=True)
        else:
            log(f"exit status {status}; work files kept in {c.work}")
    return status
