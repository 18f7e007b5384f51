"""What the two hold scenarios share: POST /api/v1/reservations (wrk, every fan ACTIVE with its queue
token) against the hold's statements in their transaction (pgbench, bench/pgbench/hold.sql).
Every hold run starts from the same state: every seat AVAILABLE, no reservation (otherwise the raw runs
would use up the seats and the service would only see refusals, or the other way round)."""
from dataclasses import dataclass

from ..common import log
from ..measure import fill_pool, run_pgbench, run_wrk


@dataclass
class HoldChecks:
    """Counted after each service hold run, before the next reset."""
    runs: int = 0
    double: int = 0
    mismatch: int = 0
    orphan: int = 0
    negative: int = 0
    hot: int = 0
    seen_201: int = 0
    rows: int = 0
    count_bad: int = 0


def reset(b):
    b.db.q("BEGIN; UPDATE seat SET status = 'AVAILABLE', reservation_id = NULL, hold_expires_at = NULL "
           "WHERE status <> 'AVAILABLE'; DELETE FROM ticket; DELETE FROM partner_sync_tracked; DELETE FROM reservation; "
           "DELETE FROM outbox_event; COMMIT;")
    b.db.vacuum("seat, reservation, outbox_event")


def check(b, label):
    c, db = b.holds, b.db
    c.runs += 1
    c.double += db.count("select count(*) from (select seat_id from reservation where status = 'CONFIRMED' "
                         "or (status = 'HELD' and expires_at > now()) group by seat_id having count(*) > 1) x")
    c.mismatch += db.count("select count(*) from seat s left join reservation r on r.id = s.reservation_id "
                           "where s.status in ('HELD','SOLD') and (r.id is null or r.seat_id <> s.id)")
    c.orphan += db.count("select count(*) from reservation r join seat s on s.id = r.seat_id "
                         "where r.status = 'HELD' and r.expires_at > now() and s.reservation_id is distinct from r.id")
    c.negative += db.count("select count(*) from wallet where balance < 0")
    if db.count(f"select count(*) from reservation where schedule_id = {b.hot_sid}") > b.cfg.hot_seats:
        c.hot += 1
    c201 = b.rec.last.get("status", {}).get("201", 0)
    rows = db.count("select count(*) from reservation where user_id <> 'raw-bench'")
    c.seen_201 += c201
    c.rows += rows
    if not (c201 <= rows <= c201 + b.cfg.conn):
        c.count_bad += 1
        log(f"  {label}: {c201} x 201 but {rows} rows")


def run(b, sc, lo, hi, seats):
    cfg = b.cfg
    for r in range(0, cfg.repeats + 1):
        ph, secs = ("warmup", cfg.warm) if r == 0 else ("measure", cfg.dur)
        reset(b)
        run_pgbench(b, sc, ph, r, secs, lo, hi, seats)
        reset(b)
        fill_pool(b, cfg.conn)
        run_wrk(b, sc, ph, r, secs, "hold", b.fans_with_tokens, BENCH_SCHED_MIN=lo, BENCH_SCHED_MAX=hi, BENCH_SEATS=seats)
        check(b, f"{sc} {ph}#{r}")


def final_checks(b):
    c = b.holds
    if c.runs == 0:
        return
    after = f"after each of the {c.runs} service hold runs"
    check_ = b.rec.check
    check_("no seat held or sold twice (live reservations per seat ≤ 1)", c.double == 0,
           f"{c.double} seats with more than one live reservation, {after}")
    check_("every held seat points at its own reservation", c.mismatch == 0, f"{c.mismatch} mismatches, {after}")
    check_("every live hold owns its seat row", c.orphan == 0, f"{c.orphan} mismatches, {after}")
    check_("no negative balance", c.negative == 0, f"{c.negative} wallets below 0, {after}")
    check_(f"hot seats: at most {b.cfg.hot_seats} reservations", c.hot == 0, f"{c.hot} runs over the limit")
    check_("every 201 from a hold is a reservation row", c.count_bad == 0,
           f"{c.seen_201} × 201 seen by wrk, {c.rows} service reservations in total "
           f"(up to {b.cfg.conn} per run may be in flight when wrk stops)")
