"""What the payment scenarios share: POST /api/v1/payments (wrk) against the payment transaction's
statements (pgbench, bench/pgbench/pay.sql).

Each payment needs a HELD reservation of the paying fan and a wallet that covers it. Before every run
(raw and service alike) the database is reset and, in SQL, enough reservations are prepared on the
random-hold seats (BENCH_PAY_MAX_RPS × run length for the service, BENCH_PAY_RAW_MAX_TPS × run length
for pgbench, at most every seat), with wallets charged (a CHARGE ledger entry each) to exactly their
sum. Service reservation i belongs to fan (i-1) % W of the fan list (W = all fans, or the first 10: hot
wallets); raw reservation n to 'rawpay' || (n % W).
"""
import hashlib
from dataclasses import dataclass

from ..common import log
from ..measure import fill_pool, run_pgbench_pay, run_wrk


@dataclass
class PayChecks:
    """Counted after each service payment run, before the next reset."""
    runs: int = 0
    negative: int = 0
    ledger: int = 0
    double: int = 0
    sold_bad: int = 0
    unpaid: int = 0
    count_bad: int = 0
    seen_201: int = 0
    rows: int = 0


NEGATIVE = "select count(*) from wallet where balance < 0"
LEDGER = ("select count(*) from wallet w left join (select user_id, "
          "sum(case type when 'PAYMENT' then -amount else amount end) as s from wallet_transaction group by user_id) l "
          "using (user_id) where w.balance <> coalesce(l.s, 0)")
SOLD_TWICE = ("select count(*) from (select seat_id from reservation where status = 'CONFIRMED' "
              "group by seat_id having count(*) > 1) x")


def reset(b):
    b.db.q("BEGIN; DELETE FROM payment; DELETE FROM wallet_transaction; DELETE FROM wallet; DELETE FROM idempotency_key; "
           "UPDATE seat SET status = 'AVAILABLE', reservation_id = NULL, hold_expires_at = NULL WHERE status <> 'AVAILABLE'; "
           "DELETE FROM ticket; DELETE FROM partner_sync_tracked; DELETE FROM reservation; DELETE FROM outbox_event; COMMIT;")


def prepare(b, side, n, wallets):
    """n HELD reservations on the random-hold seats, owned round-robin by `wallets` users, wallets charged."""
    half = b.cfg.fans // 2
    if side == "svc":
        rid = "md5('svcpay-' || rn)::uuid"
        uid = (f"CASE WHEN (rn - 1) % {wallets} < {half} THEN 'benchfan' || ((rn - 1) % {wallets} + 1) "
               f"ELSE 'benchfanb' || ((rn - 1) % {wallets} - {half} + 1) END")
    else:
        rid, uid = "md5('rawpay-' || (rn - 1))::uuid", f"'rawpay' || ((rn - 1) % {wallets})"
    reset(b)
    b.db.q(f"""BEGIN;
     CREATE TEMP TABLE prep ON COMMIT DROP AS
       SELECT s.id, s.schedule_id, s.number, s.price, {rid} AS rid, {uid} AS uid
       FROM (SELECT id, schedule_id, number, price, row_number() OVER (ORDER BY id) AS rn FROM seat
             WHERE schedule_id BETWEEN {b.smin} AND {b.smax} ORDER BY id LIMIT {n}) s;
     UPDATE seat SET status = 'HELD', reservation_id = p.rid, hold_expires_at = now() + interval '1 hour'
       FROM prep p WHERE seat.id = p.id;
     INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price, status, expires_at, created_at, updated_at)
       SELECT rid, uid, {b.concert}, schedule_id, id, number, price, 'HELD', now() + interval '1 hour', now(), now() FROM prep;
     INSERT INTO wallet (user_id, balance, updated_at) SELECT uid, sum(price), now() FROM prep GROUP BY uid;
     INSERT INTO wallet_transaction (id, user_id, type, amount, balance_after, created_at)
       SELECT gen_random_uuid(), user_id, 'CHARGE', balance, balance, now() FROM wallet;
     COMMIT;""")
    b.db.q("VACUUM ANALYZE seat, reservation, wallet, wallet_transaction, payment, idempotency_key, outbox_event")


def pay_list(b, n, wallets, path):
    """Line i = "<jwt of the owner> <reservation id>" (the ids prepare() gives the service's side)."""
    jwts = b.tokens.jwts()
    with open(path, "w") as out:
        for rn in range(1, n + 1):
            h = hashlib.md5(f"svcpay-{rn}".encode()).hexdigest()
            out.write(f"{jwts[(rn - 1) % wallets]} {h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}\n")


def check(b, label):
    c, db = b.payments, b.db
    c.runs += 1
    c.negative += db.count(NEGATIVE)
    c.ledger += db.count(LEDGER)
    c.double += db.count(SOLD_TWICE)
    c.sold_bad += db.count("select count(*) from seat s left join reservation r on r.id = s.reservation_id "
                           "where s.status = 'SOLD' and (r.status is distinct from 'CONFIRMED' or r.seat_id <> s.id)")
    c.unpaid += abs(db.count("select (select count(*) from reservation where status = 'CONFIRMED') - (select count(*) from payment) "
                             "+ (select count(*) from payment p join reservation r on r.id = p.reservation_id where r.status <> 'CONFIRMED')"))
    c201 = b.rec.last.get("status", {}).get("201", 0)
    rows = db.count("select count(*) from payment")
    c.seen_201 += c201
    c.rows += rows
    if not (c201 <= rows <= c201 + b.cfg.conn):
        c.count_bad += 1
        log(f"  {label}: {c201} x 201 but {rows} payments")


def run(b, sc, conns, wallets):
    """--quick: no warm-up (and no 32-connection variant, payment_hot.py), to stay within CI's two minutes."""
    cfg = b.cfg
    first = 1 if cfg.quick else 0
    for r in range(first, cfg.repeats + 1):
        ph, secs = ("warmup", cfg.warm) if r == 0 else ("measure", cfg.dur)
        n_raw, n_svc, rate, note = cfg.pay_raw_max_tps * secs, cfg.pay_max_rps * secs, [], ""
        # too few seats for the pool (--quick): cap pgbench's rate so it cannot run out (latency then counts
        # from the scheduled start); wrk has no cap: if its list wraps, a repeated payment is a 409
        if n_raw > b.seeded:
            n_raw = b.seeded
            rate = [f"--rate={n_raw * 9 // 10 // secs}"]
            note = (f"raw side rate-capped at {n_raw * 9 // 10 // secs} tx/s (only {n_raw} seats to prepare): "
                    "its latency counts from the scheduled start")
        n_svc = min(n_svc, b.seeded)
        prepare(b, "raw", n_raw, wallets)
        run_pgbench_pay(b, sc, ph, r, secs, conns, wallets, rate, note)
        prepare(b, "svc", n_svc, wallets)
        pay_list(b, n_svc, wallets, b.work / "pay-list")
        fill_pool(b, conns, "fillread")
        run_wrk(b, sc, ph, r, secs, "pay", b.work / "pay-list", conns=conns)
        check(b, f"{sc} {ph}#{r}")


def final_checks(b):
    c = b.payments
    if c.runs == 0:
        return
    after = f"after each of the {c.runs} service payment runs"
    check_ = b.rec.check
    check_("payments: no negative balance", c.negative == 0, f"{c.negative} wallets below 0, {after}")
    check_("payments: every balance equals the sum of its ledger", c.ledger == 0,
           f"{c.ledger} wallets differ from their ledger, {after}")
    check_("payments: no seat sold twice", c.double == 0,
           f"{c.double} seats with more than one CONFIRMED reservation, {after}")
    check_("payments: every SOLD seat belongs to its CONFIRMED reservation", c.sold_bad == 0,
           f"{c.sold_bad} mismatches, {after}")
    check_("payments: one payment per CONFIRMED reservation", c.unpaid == 0, f"{c.unpaid} mismatches, {after}")
    check_("every 201 from a payment is a payment row", c.count_bad == 0,
           f"{c.seen_201} × 201 seen by wrk, {c.rows} payments in total "
           f"(up to {b.cfg.conn} per run may be in flight when wrk stops)")
