"""What bench/run.sh measures: its flags and the BENCH_* variables (README "Benchmarks")."""
import os
from dataclasses import dataclass, field

from .common import ROOT

SCENARIOS = ("queue_entry", "position_polling", "admission", "hold_random", "hold_hot", "order_random",
             "payment_random", "payment_hot", "journey")


def env(name, default):
    """${NAME:-default}: unset or empty means the default."""
    return os.environ.get(name) or default


def env_int(name, default):
    v = env(name, None)
    if v is None:
        return default
    try:
        return int(v)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {v!r}") from None


@dataclass
class Config:
    mode: str  # full | quick
    conn: int
    dur: int
    warm: int
    repeats: int
    fans: int
    schedules: int
    seats: int
    out: str
    scenarios: list
    java_opts: list
    java_opts_text: str
    redis_host: str
    redis_port: str
    user_rate: str
    user_burst: str
    max_held: str
    app_dir: str
    app_dir_given: bool
    pg_mode: str
    pay_max_rps: int
    pay_raw_max_tps: int
    cold: bool = True
    cold_tokens: int = 0
    cold_dur: int = 0
    cold_warm: int = 0
    hot_seats: int = 50
    threads: int = 2
    hot_wallets: int = 10
    unknown_scenarios: list = field(default_factory=list)

    @property
    def quick(self):
        return self.mode == "quick"

    def want(self, scenario):
        return scenario in self.scenarios


def load(quick):
    if quick:
        dur, warm, repeats = env_int("BENCH_DURATION", 3), env_int("BENCH_WARMUP", 2), env_int("BENCH_REPEATS", 1)
        fans, schedules = env_int("BENCH_FANS", 2000), env_int("BENCH_SCHEDULES", 1)
        seats, out = env_int("BENCH_SEATS_PER_SCHEDULE", 10000), env("BENCH_OUT", str(ROOT / "target/bench-quick"))
    else:
        dur, warm, repeats = env_int("BENCH_DURATION", 15), env_int("BENCH_WARMUP", 10), env_int("BENCH_REPEATS", 3)
        fans, schedules = env_int("BENCH_FANS", 20000), env_int("BENCH_SCHEDULES", 10)
        seats, out = env_int("BENCH_SEATS_PER_SCHEDULE", 100000), env("BENCH_OUT", str(ROOT / "docs"))
    # cold tokens (D64): every request of these runs a JWT the service has never seen, from a pool minted up
    # front (cached for 5 hours); the pool must outlast warm-up + repeats × run length at the cold rate
    cold_tokens = env_int("BENCH_COLD_TOKENS", 16000 if quick else 300000)
    cold_dur = env_int("BENCH_COLD_DURATION", 2 if quick else 7)
    cold_warm = env_int("BENCH_COLD_WARMUP", 1 if quick else 3)
    scenarios = env("BENCH_SCENARIOS", " ".join(SCENARIOS)).split()
    java_opts_text = env("BENCH_JAVA_OPTS", "")
    return Config(
        mode="quick" if quick else "full", conn=env_int("BENCH_CONNECTIONS", 64), dur=dur, warm=warm,
        repeats=repeats, fans=fans, schedules=schedules, seats=seats, out=out, scenarios=scenarios,
        java_opts=java_opts_text.split(), java_opts_text=java_opts_text,
        redis_host=env("REDIS_HOST", "127.0.0.1"), redis_port=env("REDIS_PORT", "6379"),
        user_rate=env("BENCH_USER_RATE", "1000"), user_burst=env("BENCH_USER_BURST", "1000"),
        max_held=env("BENCH_MAX_HELD", "1000"), app_dir=env("BENCH_APP", "target/quarkus-app"),
        app_dir_given=bool(env("BENCH_APP", "")), pg_mode=env("BENCH_PG", "own"),
        cold=env("BENCH_COLD", "1") != "0", cold_tokens=cold_tokens, cold_dur=cold_dur, cold_warm=cold_warm,
        pay_max_rps=env_int("BENCH_PAY_MAX_RPS", 2500), pay_raw_max_tps=env_int("BENCH_PAY_RAW_MAX_TPS", 8000),
        unknown_scenarios=[s for s in scenarios if s not in SCENARIOS])
