"""The several-seat order scenario: POST /api/v1/reservations with seatNumbers (4 adjacent seats; wrk mode
"order", every fan ACTIVE with its queue token) against the same statements in their transaction (pgbench,
bench/pgbench/order.sql). Every run starts from the same state as a hold run (holds.reset): every seat
AVAILABLE, no reservation."""
from dataclasses import dataclass

from ..common import log
from ..measure import fill_pool, run_pgbench, run_wrk
from . import holds

SEATS_PER_ORDER = 4


@dataclass
class OrderChecks:
    """Counted after each service order run, before the next reset."""
    runs: int = 0
    double: int = 0
    mismatch: int = 0
    partial: int = 0
    seen_201: int = 0
    rows: int = 0
    count_bad: int = 0


def check(b, label):
    c, db = b.orders, b.db
    c.runs += 1
    c.double += db.count("select count(*) from (select seat_id from reservation where status = 'CONFIRMED' "
                         "or (status = 'HELD' and expires_at > now()) group by seat_id having count(*) > 1) x")
    c.mismatch += db.count("select count(*) from seat s left join reservation r on r.id = s.reservation_id "
                           "where s.status in ('HELD','SOLD') and (r.id is null or r.seat_id <> s.id)")
    # all or nothing: every order of the service holds exactly its 4 seats
    c.partial += db.count(f"select count(*) from (select order_id from reservation where user_id <> 'raw-bench' "
                          f"group by order_id having count(*) <> {SEATS_PER_ORDER}) x")
    c201 = b.rec.last.get("status", {}).get("201", 0)
    rows = db.count("select count(*) from reservation where user_id <> 'raw-bench'")
    c.seen_201 += c201
    c.rows += rows
    if not (SEATS_PER_ORDER * c201 <= rows <= SEATS_PER_ORDER * (c201 + b.cfg.conn)):
        c.count_bad += 1
        log(f"  {label}: {c201} x 201 but {rows} rows")


def run(b, sc, lo, hi, seats):
    cfg = b.cfg
    for r in range(0, cfg.repeats + 1):
        ph, secs = ("warmup", cfg.warm) if r == 0 else ("measure", cfg.dur)
        holds.reset(b)
        run_pgbench(b, sc, ph, r, secs, lo, hi, seats, script="bench/pgbench/order.sql")
        holds.reset(b)
        fill_pool(b, cfg.conn)
        run_wrk(b, sc, ph, r, secs, "order", b.fans_with_tokens, BENCH_SCHED_MIN=lo, BENCH_SCHED_MAX=hi, BENCH_SEATS=seats)
        check(b, f"{sc} {ph}#{r}")


def final_checks(b):
    c = b.orders
    if c.runs == 0:
        return
    after = f"after each of the {c.runs} service order runs"
    check_ = b.rec.check
    check_("orders: no seat held or sold twice (live reservations per seat ≤ 1)", c.double == 0,
           f"{c.double} seats with more than one live reservation, {after}")
    check_("orders: every held seat points at its own reservation", c.mismatch == 0, f"{c.mismatch} mismatches, {after}")
    check_(f"orders: every order holds all its {SEATS_PER_ORDER} seats (no partial order)", c.partial == 0,
           f"{c.partial} partial orders, {after}")
    check_(f"every 201 from an order is {SEATS_PER_ORDER} reservation rows", c.count_bad == 0,
           f"{c.seen_201} × 201 seen by wrk, {c.rows} service reservations in total "
           f"(up to {b.cfg.conn} orders may be in flight when wrk stops)")
