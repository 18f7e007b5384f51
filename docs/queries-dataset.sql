-- Synthetic data set for the query plans in docs/queries.md.
-- Reproduce (PostgreSQL 15, scratch database; about 30 s on 2 cores):
--   createdb -h 127.0.0.1 -U postgres cb_explain
--   psql -h 127.0.0.1 -U postgres -d cb_explain -v ON_ERROR_STOP=1 -f src/main/resources/db/migration/V1__booking_core.sql
--   psql -h 127.0.0.1 -U postgres -d cb_explain -v ON_ERROR_STOP=1 -f docs/queries-dataset.sql
--   ... run the statements of docs/queries.md ...
--   dropdb -h 127.0.0.1 -U postgres cb_explain
--
-- Shape (all ids deterministic; random() is seeded):
--   200 concerts; every 10th (id % 10 = 0) is "popular". Concert c's 5 schedules start at
--   now() + (c - 60) days + 0/7/14/21/28 days, so the low-numbered concerts are partly in the past.
--   1,000,000 seats (1,000 per schedule). SOLD: numbers 1..500 of popular schedules,
--   1..22 of the others (69,800 seats). HELD: 2,000 seats of future schedules (1,500 popular,
--   500 other); 500 of those holds have lapsed (expired 1 s..10 min ago, not yet swept) and
--   1,500 are live. Live holds expire in 6..12 h (the service uses 5 min) so that the numbers
--   do not drift while the plans are measured. Everything else is AVAILABLE.
--   100,000 reservations: 69,800 CONFIRMED (one per SOLD seat), 2,000 HELD (one per HELD seat),
--   20,000 EXPIRED, 8,200 CANCELLED.
--   69,800 payments (one per CONFIRMED reservation).
--   50,000 wallets (user-0 .. user-49999).
--   500,000 wallet transactions: 490,000 spread evenly over the 50,000 users (~10 each) and
--   10,000 for one heavy user, user-7.
--   200,000 idempotency keys ('payment' and 'charge').

\set ON_ERROR_STOP on
SELECT setseed(0.42);

-- catalogue ------------------------------------------------------------------------------------
INSERT INTO concert (title, created_at)
SELECT 'Concert ' || c, now() - interval '200 days' + c * interval '1 hour'
FROM generate_series(1, 200) AS c;

INSERT INTO schedule (concert_id, starts_at, seat_count)
SELECT c, date_trunc('day', now()) + interval '19 hours' + (c - 60) * interval '1 day' + (j - 1) * interval '7 days', 1000
FROM generate_series(1, 200) AS c, generate_series(1, 5) AS j
ORDER BY c, j;

INSERT INTO seat (schedule_id, number, price, status)
SELECT sc.id, n,
       CASE WHEN n <= 100 THEN 150000 WHEN n <= 400 THEN 110000 ELSE 77000 END,
       CASE WHEN n <= CASE WHEN sc.concert_id % 10 = 0 THEN 500 ELSE 22 END THEN 'SOLD' ELSE 'AVAILABLE' END
FROM schedule sc, generate_series(1, 1000) AS n
ORDER BY sc.id, n;

-- reservations ---------------------------------------------------------------------------------
-- CONFIRMED: one per SOLD seat (ids res-1 .. res-69800)
INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price, status,
                         expires_at, created_at, updated_at)
WITH sold AS MATERIALIZED (
    SELECT st.*, row_number() OVER (ORDER BY st.id) AS rn, now() - random() * interval '90 days' AS t
    FROM seat st WHERE st.status = 'SOLD')
SELECT md5('res-' || rn)::uuid, 'user-' || floor(random() * 50000)::int, sc.concert_id, st.schedule_id,
       st.id, st.number, st.price, 'CONFIRMED', t + interval '5 minutes', t, t + interval '2 minutes'
FROM sold st
JOIN schedule sc ON sc.id = st.schedule_id;

UPDATE seat st SET reservation_id = r.id
FROM reservation r WHERE r.seat_id = st.id AND r.status = 'CONFIRMED';

-- HELD: 1,500 seats of popular future schedules + 500 of other future schedules (ids res-69801 ..)
CREATE TEMP TABLE held_pick AS
SELECT id, row_number() OVER () AS rn
FROM (
    (SELECT st.id FROM seat st JOIN schedule sc ON sc.id = st.schedule_id
     WHERE st.status = 'AVAILABLE' AND sc.starts_at > now() AND sc.concert_id % 10 = 0
     ORDER BY random() LIMIT 1500)
    UNION ALL
    (SELECT st.id FROM seat st JOIN schedule sc ON sc.id = st.schedule_id
     WHERE st.status = 'AVAILABLE' AND sc.starts_at > now() AND sc.concert_id % 10 <> 0
     ORDER BY random() LIMIT 500)
) p;

INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price, status,
                         expires_at, created_at, updated_at)
WITH h AS MATERIALIZED (
    SELECT id, rn,
           CASE WHEN rn % 4 = 0                                            -- every 4th hold has lapsed
                THEN now() - (1 + random() * 599) * interval '1 second'
                ELSE now() + interval '6 hours' + random() * interval '6 hours' END AS e
    FROM held_pick)
SELECT md5('res-' || (69800 + h.rn))::uuid, 'user-' || floor(random() * 50000)::int, sc.concert_id,
       st.schedule_id, st.id, st.number, st.price, 'HELD', e, e - interval '5 minutes', e - interval '5 minutes'
FROM h
JOIN seat st ON st.id = h.id
JOIN schedule sc ON sc.id = st.schedule_id;

UPDATE seat st SET status = 'HELD', reservation_id = r.id, hold_expires_at = r.expires_at
FROM reservation r WHERE r.seat_id = st.id AND r.status = 'HELD';

-- EXPIRED (20,000) and CANCELLED (8,200) on random seats of any schedule
INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price, status,
                         expires_at, created_at, updated_at)
WITH x AS MATERIALIZED (
    SELECT g, 1 + floor(random() * 1000000)::bigint AS seat_id, now() - random() * interval '90 days' AS t
    FROM generate_series(1, 28200) AS g)
SELECT md5('res-' || (71800 + g))::uuid, 'user-' || floor(random() * 50000)::int, sc.concert_id,
       st.schedule_id, st.id, st.number, st.price,
       CASE WHEN g <= 20000 THEN 'EXPIRED' ELSE 'CANCELLED' END,
       t + interval '5 minutes', t,
       t + CASE WHEN g <= 20000 THEN interval '5 minutes' ELSE interval '1 minute' END
FROM x
JOIN seat st ON st.id = x.seat_id
JOIN schedule sc ON sc.id = st.schedule_id;

-- payments: one per CONFIRMED reservation
INSERT INTO payment (id, reservation_id, user_id, amount, balance_after, created_at)
SELECT md5('pay-' || r.id)::uuid, r.id, r.user_id, r.price, floor(random() * 500000)::bigint, r.updated_at
FROM reservation r WHERE r.status = 'CONFIRMED';

-- wallets and ledger ---------------------------------------------------------------------------
INSERT INTO wallet (user_id, balance, updated_at)
SELECT 'user-' || u, floor(random() * 1000000)::bigint, now() - random() * interval '30 days'
FROM generate_series(0, 49999) AS u;

-- inserted in created_at order, so that seq (identity) follows time as it does in the service
INSERT INTO wallet_transaction (id, user_id, type, amount, balance_after, reference_id, created_at)
SELECT id, user_id, type, amount, balance_after, reference_id, created_at
FROM (
    SELECT md5('wt-' || g)::uuid AS id,
           CASE WHEN g <= 490000 THEN 'user-' || (g % 50000) ELSE 'user-7' END AS user_id,
           CASE WHEN r < 0.30 THEN 'CHARGE' WHEN r < 0.95 THEN 'PAYMENT' ELSE 'REFUND' END AS type,
           1000 + floor(random() * 200000)::bigint AS amount,
           floor(random() * 1000000)::bigint AS balance_after,
           CASE WHEN r < 0.30 THEN NULL ELSE md5('pay-ref-' || g)::uuid END AS reference_id,
           now() - random() * interval '180 days' AS created_at
    FROM (SELECT g, random() AS r FROM generate_series(1, 500000) AS g OFFSET 0) x
    OFFSET 0
) t
ORDER BY created_at;

-- idempotency keys -----------------------------------------------------------------------------
INSERT INTO idempotency_key (user_id, operation, key, fingerprint, result_id, created_at)
SELECT 'user-' || (g % 50000),
       CASE WHEN g % 3 = 0 THEN 'charge' ELSE 'payment' END,
       md5('idem-' || g)::uuid::text,
       CASE WHEN g % 3 = 0 THEN 'amount=' || (1000 * (1 + g % 100))
            ELSE 'reservation=' || md5('res-' || (1 + g % 100000))::uuid END,
       md5('result-' || g)::uuid,
       now() - random() * interval '90 days'
FROM generate_series(1, 200000) AS g;

VACUUM (ANALYZE);
