"""Benchmark harness: the service against raw baselines (redis-benchmark, pgbench) on the same machine,
same schema, same statements, same concurrency. See docs/benchmarks.md.

  bench/run.sh          full run: writes docs/benchmarks.md, docs/benchmarks/results.json, docs/benchmarks/*.png,
                        then bench/run.sh (the wrapper) runs bench/cold-instance.sh (not with BENCH_COLD_INSTANCE=0
                        or a BENCH_SCENARIOS subset)
  bench/run.sh --quick  every step for a few seconds (CI): writes to target/bench-quick/ (or $BENCH_OUT),
                        exits non-zero if any step or correctness check fails

Environment: BENCH_OUT (output dir for benchmarks.md; results + charts go to $BENCH_OUT/benchmarks/),
BENCH_CONNECTIONS (default 64), BENCH_DURATION / BENCH_WARMUP (seconds), BENCH_REPEATS, BENCH_FANS,
BENCH_SCHEDULES / BENCH_SEATS_PER_SCHEDULE, PGHOST/PGPORT (127.0.0.1:5432), REDIS_HOST/REDIS_PORT,
BENCH_SCENARIOS (space-separated subset of: queue_entry position_polling admission hold_random hold_hot
order_random payment_random payment_hot journey; default all; queue entry always runs, the later scenarios need its fans),
BENCH_JAVA_OPTS (extra JVM options for the service, e.g. -Dauth.jwt-cache.max-entries=0 or -XX:StartFlightRecording=...;
they override the harness's own -D settings: -Drate-limit.enabled=false runs a scenario with the rate limiter off,
e.g. BENCH_SCENARIOS=queue_entry BENCH_JAVA_OPTS=-Drate-limit.enabled=false bench/run.sh for the limiter's A/B),
BENCH_USER_RATE / BENCH_USER_BURST (the per-user rate limits of every route, default 1000 / 1000: on, and above
what the harness's fan rotation asks of one fan; --quick has 2,000 fans), BENCH_MAX_HELD (reservation.max-held-per-user,
default 1000), BENCH_APP (the quarkus-app directory to run, default target/quarkus-app: A/B runs of two builds),
BENCH_PG (own | shared, default own: the run starts its own PostgreSQL cluster, harness/postgres.py; shared uses
PGHOST/PGPORT), BENCH_PAY_MAX_RPS / BENCH_PAY_RAW_MAX_TPS (reservations prepared per second of a payment run:
service 2500, raw 8000),
BENCH_COLD (1; 0 leaves the cold-token runs out), BENCH_COLD_TOKENS (never-seen JWTs minted up front for the
cold-token runs of queue entry, and as many more for polling; default 300000, --quick 16000; cached for 5 hours
in ~/.cache/concert-bench), BENCH_COLD_DURATION / BENCH_COLD_WARMUP (seconds of each cold-token run: 7 / 3,
--quick 2 / 1: the warm-up and three runs at about 11,000 first-time requests a second, 264,000, fit the pool of 300,000).
"""
import base64
import datetime
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import config, report_lib, tokens as tokens_mod
from .common import (ROOT, Api, Exit, quick_flag, Failed, die, free_port, have, jqnum, log, on_term_exit, output, quiet,
                     read, set_tag, use_jdk)
from .measure import Cpu, Recorder
from .postgres import Cluster, Database, psql, reachable, use_env_defaults
from .redis import Redis
from .scenarios import (admission, hold_hot, hold_random, holds, journey, order_random, orders, payment_hot,
                        payment_random, payments, position_polling, queue_entry)
from .seed import seed
from .service import Service, common_options

ROUTES = ("queue-entry", "queue-poll", "hold", "payment", "wallet-charge", "wallet-top-up", "default")


class Bench:
    """Everything a scenario needs: the configuration, the processes, the seeded ids, the counters."""

    def __init__(self, cfg):
        self.cfg = cfg
        self.start_ts = time.time()
        run_id = f"{os.getpid()}_{int(time.time())}"
        self.db = Database(f"bench_{run_id}")
        self.prefix = f"bench{run_id}:"
        self.work = Path(tempfile.mkdtemp(prefix="concert-bench.", dir="/tmp"))
        self.cluster = Cluster(cfg.pg_mode, cfg.conn, self.work)
        self.redis = Redis(cfg.redis_host, cfg.redis_port)
        self.service = Service(self.work / "app.log")
        self.tokens = None
        self.rec = Recorder(self.work, os.sysconf("SC_CLK_TCK"))
        self.cpu = None
        self.api = None
        self.base = None
        self.pool_min = cfg.conn
        self.fans_with_tokens = self.work / "fans-with-tokens"
        self.holds = holds.HoldChecks()
        self.orders = orders.OrderChecks()
        self.payments = payments.PayChecks()
        self.journeys = journey.JourneyChecks()

    def want(self, scenario):
        return self.cfg.want(scenario)


# ------------------------------------------------------------------------------------- set-up
def install_tools():
    need_apt = [pkg for tool, pkg in (("gnuplot", "gnuplot-nox"), ("wrk", "wrk"), ("pgbench", "postgresql-client"),
                                      ("redis-benchmark", "redis-tools")) if not have(tool)]
    if need_apt:
        log(f"installing {' '.join(need_apt)}")
        sudo = [] if os.getuid() == 0 else ["sudo"]
        ok = quiet(sudo + ["apt-get", "install", "-y"] + need_apt) or (
            quiet(sudo + ["apt-get", "update", "-qq"]) and quiet(sudo + ["apt-get", "install", "-y"] + need_apt))
        if not ok:
            log(f"warning: could not install {' '.join(need_apt)} (charts / CPU figures may be missing)")
    for tool in ("wrk", "redis-benchmark", "redis-cli", "pgbench", "psql", "/usr/bin/time"):
        if not have(tool):
            die(f"{tool} is not installed")
    use_jdk()
    if not (ROOT / "bench/paced/node_modules/autocannon").is_dir():
        log("installing the paced load generator (npm: autocannon, pinned in bench/paced/package-lock.json)")
        if not quiet(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT / "bench/paced"):
            die("npm ci in bench/paced failed")
    if not have("java"):
        die("no JDK found (scripts/java.sh)")


def build_if_missing(cfg):
    if (ROOT / cfg.app_dir / "quarkus-run.jar").is_file():
        return
    if cfg.app_dir_given:
        die(f"BENCH_APP={cfg.app_dir} holds no quarkus-run.jar")
    log("building the jar (target/quarkus-app/quarkus-run.jar is missing)")
    if subprocess.run(["./mvnw", "-B", "-q", "package", "-DskipTests"]).returncode != 0:
        die("build failed")


def service_command(cfg, db, prefix, public_key, port, mport, pool_min, jvm=()):
    """The service's command line in every benchmark of this harness (bench/run.sh, bench/cold-instance.sh):
    the settings of docs/benchmarks.md's Method, the limits on; jvm: JVM options of a start-up variant, before
    BENCH_JAVA_OPTS."""
    # the verified-JWT cache sized to the fans who poll (an operator sizes it to the fans online at once);
    # at the default 20000, the run's 20000 fans plus the admin token cycled through it and 13 % of the
    # JVM's samples were RS256 re-checks of evicted tokens (JFR, docs/performance.md). BENCH_JAVA_OPTS
    # may override it.
    jwt_cache = cfg.fans + cfg.fans // 10
    # Limits (issue #15): every fan of the harness comes from 127.0.0.1, so the per-address limits are set far
    # above the load (the check still runs: one EVALSHA over both buckets, as in production); the per-user
    # limits stay on, above what the fan rotation asks of one fan (one call every fans / throughput seconds;
    # production defaults would throttle --quick's 2,000 fans). The hold limit is raised so the hold
    # scenarios keep measuring seat contention; its count still runs in every hold. BENCH_JAVA_OPTS comes
    # after these and may override any of them (-Drate-limit.enabled=false: the limiter's A/B).
    # wallet.direct-charges.enabled: the journey tops wallets up with plain {amount} charges (no PG here)
    limits = [f"-Dreservation.max-held-per-user={cfg.max_held}"]
    for route in ROUTES:
        limits += [f"-Drate-limit.{route}.per-user.rate={cfg.user_rate}",
                   f"-Drate-limit.{route}.per-user.burst={cfg.user_burst}",
                   f"-Drate-limit.{route}.per-address.rate=1000000", f"-Drate-limit.{route}.per-address.burst=1000000"]
    log(f"limits: per-user rate {cfg.user_rate}/s burst {cfg.user_burst} on every route, per-address 1000000/s; "
        f"options: {cfg.java_opts_text or 'none'}")
    return (["java", "-Xms256m", "-Xmx256m"] + list(jvm) + [f"-Dauth.jwt-cache.max-entries={jwt_cache}"] + limits + cfg.java_opts
           + common_options(port, mport, db) + [
               f"-Dquarkus.datasource.jdbc.max-size={cfg.conn}", f"-Dquarkus.datasource.jdbc.min-size={pool_min}",
               "-Dquarkus.datasource.jdbc.idle-removal-interval=2S",
               f"-Dquarkus.redis.max-pool-size={cfg.conn}",
               f"-Dqueue.redis.key-prefix={prefix}",
               f"-Dmp.jwt.verify.publickey.location={public_key}",
               "-Dmp.jwt.verify.issuer=concert-booking-dev", "-Dmp.jwt.verify.token.age=21600",
               f"-Dqueue.token-secret={base64.b64encode(os.urandom(32)).decode()}",
               "-Dreservation.hold-ttl=1h", "-Dqueue.active-ttl=1h", "-Dqueue.waiting-ttl=1h", "-Dqueue.admit-interval=1h",
               "-Dwallet.direct-charges.enabled=true",
               "-jar", f"{cfg.app_dir}/quarkus-run.jar"])


def start_service(b):
    """The database owned by the migrations' role; the service connects as the least-privilege app role
    (scripts/db-roles.sh; the benchmark's own cluster trusts 127.0.0.1, the passwords are the dev ones)."""
    cfg = b.cfg
    output(["scripts/db-roles.sh", b.db.name], "scripts/db-roles.sh failed")
    port, mport = free_port(), free_port()  # mport: health and metrics, the management interface
    b.base = f"http://127.0.0.1:{port}"
    management = f"http://127.0.0.1:{mport}"
    # the pool keeps as many connections as pgbench's leave free (fewer to grow back under load; fill_pool)
    b.pool_min = max(4, min(cfg.conn, b.cluster.max_connections() - cfg.conn - 12))
    log(f"starting the service on :{port} (db {b.db.name}, redis prefix {b.prefix}, pool {b.pool_min}..{cfg.conn})")
    cmd = service_command(cfg, b.db.name, b.prefix, b.tokens.public_key, port, mport, b.pool_min)
    b.service.start(cmd)
    b.service.wait_ready(management)
    log("service ready")


# ------------------------------------------------------------------------------------- checks and report
STATUS_SCENARIOS = ("queue_entry", "queue_entry_cold", "position_polling", "position_polling_cold", "hold_random", "hold_hot", "order_random", "payment_random",
                    "payment_hot_32",
                    "payment_hot", "journey")


def final_checks(b):
    log("correctness checks")
    holds.final_checks(b)
    orders.final_checks(b)
    payments.final_checks(b)
    runs = b.rec.runs()
    for sc in STATUS_SCENARIOS:
        base = sc[:-3] if sc.endswith("_32") else sc[:-5] if sc.endswith("_cold") else sc
        if not (b.want(base) or base == "queue_entry") or (sc.endswith("_cold") and not b.cfg.cold):
            continue
        counts = {}
        for r in runs:
            if r["side"] == "service" and r["scenario"] == sc:
                for k, v in (r.get("status") or {}).items():
                    counts[k] = counts.get(k, 0) + v
        may409 = sc.startswith(("hold", "order", "payment", "journey"))
        bad = sum(v for k, v in counts.items() if int(k) >= 300 and not (may409 and k == "409"))
        seen = ", ".join(f"{k}: {counts[k]}" for k in sorted(counts))
        b.rec.check(f"{sc}: no 5xx" + (", only 409 besides 2xx" if may409 else ", only 2xx"), bad == 0,
                    f"{seen or 'no responses'} (all runs incl. warm-up)")
    journey.final_checks(b)
    if " ERROR " in read(b.work / "app.log"):
        log(f"note: the service logged errors (see {b.work / 'app.log'})")


def _first_line(cmd):
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return res.stdout.splitlines()[0] if res.stdout else ""


def meta(b):
    cfg = b.cfg
    git = _first_line(["git", "rev-parse", "--short", "HEAD"])
    if subprocess.run(["git", "status", "--porcelain", "--", "src"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                      text=True).stdout.strip():
        git += " (src modified)"
    cpu = next((line.split(":", 1)[1].strip() for line in _first_lines(["lscpu"]) if line.startswith("Model name:")), "")
    mem = next((line.split()[1] + " GiB" for line in _first_lines(["free", "-g"]) if line.startswith("Mem:")), "")
    os_name = next((line.split("=", 1)[1].strip().strip('"') for line in read("/etc/os-release").splitlines()
                    if line.startswith("PRETTY_NAME=")), "")
    max_conn = b.cluster.max_connections()
    cluster = cfg.pg_mode + (f" (max_connections {max_conn}, pool {b.pool_min}..{cfg.conn})" if cfg.pg_mode == "own" else "")
    wrk = _first_line(["wrk", "-v"]).split()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), "mode": cfg.mode,
        "git": git, "cpu": cpu, "cores": len(os.sched_getaffinity(0)), "mem": mem, "os": os_name,
        "java": _first_line(["java", "-version"]).replace('"', ""),
        "postgres": psql("show server_version"), "postgres_cluster": cluster, "redis": b.redis.version(),
        "wrk": wrk[1] if len(wrk) > 1 else "",
        "connections": cfg.conn, "duration_s": cfg.dur, "warmup_s": cfg.warm, "repeats": cfg.repeats, "fans": cfg.fans,
        "seats": f"{b.seeded} ({cfg.schedules} schedules × {cfg.seats}) + {cfg.hot_seats} hot",
        "runtime_s": int(time.time()) - int(b.start_ts), "db_pattern": "bench_<pid>_<epoch>",
        "cold_tokens": cfg.cold_tokens if cfg.cold else None, "cold_duration_s": cfg.cold_dur,
        "cold_warmup_s": cfg.cold_warm,
        "full_runtime_hint": "30 minutes, plus about 8 minutes the first time in 5 hours (minting the never-seen JWTs)"}


def _first_lines(cmd):
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return res.stdout.splitlines()


def write_report(b):
    cfg = b.cfg
    (b.work / "meta.json").write_text(json.dumps(meta(b)) + "\n")
    out = Path(cfg.out)
    (out / "benchmarks").mkdir(parents=True, exist_ok=True)
    results = out / "benchmarks" / "results.json"
    try:
        report_lib.report().cmd_report(str(b.work), str(results), str(out / "benchmarks.md"), str(out / "benchmarks"))
    except Exception as e:  # noqa: BLE001 - any failure of the report is the run's failure
        die(f"writing the report failed: {e!r}")
    log(f"wrote {out}/benchmarks.md, {results} and charts in {int(time.time()) - int(b.start_ts)} s")
    for key, s in json.loads(results.read_text())["scenarios"].items():
        ratio = s["ratio"]["throughput"]
        sys.stderr.write(f"{key}: service/raw throughput {jqnum(math.floor(ratio * 100) / 100) if ratio else 'n/a'}, "
                         f"p99 {jqnum(s['service']['p99_ms'])} ms vs raw {jqnum(s['raw']['p99_ms'])} ms, "
                         f"target {'met' if s['target']['met'] else 'NOT met'}\n")


# ------------------------------------------------------------------------------------- the run
def measure_all(b):
    cfg = b.cfg
    install_tools()
    use_env_defaults()
    b.cluster.start()
    if not reachable():
        die(f"PostgreSQL is not reachable on {os.environ['PGHOST']}:{os.environ['PGPORT']} (scripts/services.sh)")
    if not b.redis.ping():
        die(f"Redis is not reachable on {cfg.redis_host}:{cfg.redis_port}")
    build_if_missing(cfg)

    b.tokens = tokens_mod.Tokens(cfg.fans, b.work)
    b.tokens.start()  # the fans' JWTs are minted while the service starts
    if cfg.cold:  # and the never-seen ones of the cold-token figures (D64)
        b.cold_entry_file = b.tokens.cold_pool(cfg.cold_tokens)
        if b.want("position_polling"):
            b.poll_variants = max(1, math.ceil(cfg.cold_tokens / cfg.fans))
            b.poll_pool_file = b.tokens.poll_pool(b.poll_variants)
    start_service(b)
    b.tokens.finish()
    b.api = Api(b.base, b.tokens.admin)
    seed(b)

    redis_pids = subprocess.run(["pgrep", "-x", "redis-server"], stdout=subprocess.PIPE, text=True).stdout.split()
    b.cpu = Cpu(lambda: b.service.pid, redis_pids, b.cluster.pids)

    queue_entry.run(b)  # always: the later scenarios need its fans
    if cfg.cold:
        queue_entry.run_cold(b)
    position_polling.prepare(b)
    if b.want("position_polling"):
        position_polling.run(b)
        if cfg.cold:
            position_polling.run_cold(b)
    if any(b.want(s) for s in ("admission", "hold_random", "hold_hot", "order_random", "payment_random", "payment_hot")):
        admission.run(b, measured=b.want("admission"))
    for name, module in (("hold_random", hold_random), ("hold_hot", hold_hot), ("order_random", order_random),
                         ("payment_random", payment_random),
                         ("payment_hot", payment_hot), ("journey", journey)):
        if b.want(name):
            module.run(b)

    final_checks(b)
    write_report(b)
    if b.rec.failed:
        log(f"correctness checks failed (see {cfg.out}/benchmarks.md)")
        raise Exit(1)


def cleanup(b, status):
    b.service.stop()
    if b.tokens:
        b.tokens.stop()
    b.cluster.stop(b.db.name)
    b.redis.delete_prefix(b.prefix)
    if status != 0:
        log(f"exit status {status}; work files kept in {b.work} (app log: {b.work / 'app.log'})")
    else:
        shutil.rmtree(b.work, ignore_errors=True)


def main(args):
    quick, status = quick_flag(args, __doc__)
    if status is not None:
        return status
    os.chdir(ROOT)
    set_tag("bench")
    cfg = config.load(quick)
    if cfg.unknown_scenarios:
        log(f"warning: BENCH_SCENARIOS names no such scenario: {' '.join(cfg.unknown_scenarios)} "
            f"(known: {' '.join(config.SCENARIOS)})")
    b = Bench(cfg)
    on_term_exit()
    status = 0
    try:
        measure_all(b)
    except Failed:
        status = 1
    except Exit as e:
        status = e.status
    except BaseException:
        status = 1
        raise
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the cleanup runs to its end
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        cleanup(b, status)
    return status
