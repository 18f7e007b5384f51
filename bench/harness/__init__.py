"""The benchmark harness (standard library only): bench/run.sh, bench/limiter-ab.sh,
bench/cold-instance.sh and bench/reconciliation.sh are thin shell entries into `python3 -m harness <command>`.

  common.py       logging, failures, child processes, ports, the JDK, the service's HTTP API
  config.py       what a run measures: flags and BENCH_* variables
  postgres.py     the run's own PostgreSQL cluster (or the shared one), psql
  redis.py        redis-cli
  service.py      the packaged jar: start, wait until ready, stop
  tokens.py       the fans' and the admin's JWTs (bench/MintTokens.java, cached)
  measure.py      CPU snapshots, one measured run of wrk / redis-benchmark / pgbench, runs and checks
  seed.py         the concerts the scenarios use
  scenarios/      one module per scenario (queue_entry ... journey)
  run.py          bench/run.sh: every scenario, the correctness checks, the report (bench/report.py)
  limiter_ab.py   bench/limiter-ab.sh
  cold_instance.py  bench/cold-instance.sh: a fresh instance's first minute, per start-up option
  reconciliation.py  bench/reconciliation.sh
"""
