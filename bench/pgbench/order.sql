-- Raw baseline of the service's hold of several seats as one order (HoldSeatsService and the
-- adapters it calls, D47), four adjacent seats: the same statements in the same order, one explicit
-- transaction, like hold.sql. Variables via -D: concert, smin, smax (schedule id range), seats (seats
-- per schedule).
-- The service generates the reservation ids in Java and builds the events' payloads there
-- (BookingEvents.reservationHeld); here gen_random_uuid() and jsonb_build_object. Like hold.sql, the
-- reservation INSERTs are the plain ones (no count of the fan's live holds): every raw client is
-- 'raw-bench'. The service's holdAll statement answers one row per seat; here the same statement's
-- rows are folded into one row, for \gset.
\set s random(:smin, :smax)
\set n random(1, :seats - 3)
\set n2 :n + 1
\set n3 :n + 2
\set n4 :n + 3
BEGIN;
-- PostgresSeatInventory.holdAll: lock the order's seats in id order, hold all of them or none
WITH claim AS (
    SELECT * FROM unnest(ARRAY[:n, :n2, :n3, :n4]::integer[],
                         ARRAY[gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid()])
        AS c (number, reservation_id)
), locked AS MATERIALIZED (
    SELECT id, number, price,
           CASE WHEN status = 'AVAILABLE' OR (status = 'HELD' AND hold_expires_at <= now())
                THEN 1 ELSE 0 END AS free
    FROM seat
    WHERE schedule_id = :s AND number = ANY(ARRAY[:n, :n2, :n3, :n4]::integer[])
    ORDER BY id
    FOR UPDATE
), held AS (
    UPDATE seat s SET status = 'HELD', reservation_id = c.reservation_id, hold_expires_at = now() + interval '1 hour'
    FROM locked l JOIN claim c ON c.number = l.number
    WHERE s.id = l.id
      AND (SELECT count(*) FROM locked WHERE free = 1) = 4
    RETURNING s.id, s.number, s.price, s.reservation_id
)
SELECT count(*) AS held, gen_random_uuid() AS order_id,
       max(id) FILTER (WHERE number = :n) AS seat1, max(price) FILTER (WHERE number = :n) AS price1,
       max(reservation_id::text) FILTER (WHERE number = :n) AS rid1,
       max(id) FILTER (WHERE number = :n2) AS seat2, max(price) FILTER (WHERE number = :n2) AS price2,
       max(reservation_id::text) FILTER (WHERE number = :n2) AS rid2,
       max(id) FILTER (WHERE number = :n3) AS seat3, max(price) FILTER (WHERE number = :n3) AS price3,
       max(reservation_id::text) FILTER (WHERE number = :n3) AS rid3,
       max(id) FILTER (WHERE number = :n4) AS seat4, max(price) FILTER (WHERE number = :n4) AS price4,
       max(reservation_id::text) FILTER (WHERE number = :n4) AS rid4
FROM held \gset
\if :held
-- the holder's turn on the concert, after the last seat lock (per client: one raw user would serialise them all)
SELECT 1 AS turn FROM pg_advisory_xact_lock(hashtextextended('raw-bench-' || :client_id, :concert));
-- PostgresReservationRepository: each reservation and its event, one statement per seat
WITH change AS (
    INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price,
                             status, expires_at, created_at, updated_at, order_id)
    VALUES (:rid1::uuid, 'raw-bench', :concert, :s, :seat1, :n, :price1,
            'HELD', now() + interval '1 hour', now(), now(), :order_id::uuid)
)
INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, schema_version, occurred_at, next_attempt_at)
VALUES (gen_random_uuid(), 'Reservation', :rid1::text, 'ReservationHeld',
        jsonb_build_object('reservationId', :rid1::text, 'userId', 'raw-bench'::text,
                           'concertId', :concert::bigint, 'scheduleId', :s::bigint, 'seatNumber', :n::integer,
                           'price', :price1::bigint, 'expiresAt', (now() + interval '1 hour')::text,
                           'orderId', :order_id::text),
        1, now(), now());
WITH change AS (
    INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price,
                             status, expires_at, created_at, updated_at, order_id)
    VALUES (:rid2::uuid, 'raw-bench', :concert, :s, :seat2, :n2, :price2,
            'HELD', now() + interval '1 hour', now(), now(), :order_id::uuid)
)
INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, schema_version, occurred_at, next_attempt_at)
VALUES (gen_random_uuid(), 'Reservation', :rid2::text, 'ReservationHeld',
        jsonb_build_object('reservationId', :rid2::text, 'userId', 'raw-bench'::text,
                           'concertId', :concert::bigint, 'scheduleId', :s::bigint, 'seatNumber', :n2::integer,
                           'price', :price2::bigint, 'expiresAt', (now() + interval '1 hour')::text,
                           'orderId', :order_id::text),
        1, now(), now());
WITH change AS (
    INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price,
                             status, expires_at, created_at, updated_at, order_id)
    VALUES (:rid3::uuid, 'raw-bench', :concert, :s, :seat3, :n3, :price3,
            'HELD', now() + interval '1 hour', now(), now(), :order_id::uuid)
)
INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, schema_version, occurred_at, next_attempt_at)
VALUES (gen_random_uuid(), 'Reservation', :rid3::text, 'ReservationHeld',
        jsonb_build_object('reservationId', :rid3::text, 'userId', 'raw-bench'::text,
                           'concertId', :concert::bigint, 'scheduleId', :s::bigint, 'seatNumber', :n3::integer,
                           'price', :price3::bigint, 'expiresAt', (now() + interval '1 hour')::text,
                           'orderId', :order_id::text),
        1, now(), now());
WITH change AS (
    INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price,
                             status, expires_at, created_at, updated_at, order_id)
    VALUES (:rid4::uuid, 'raw-bench', :concert, :s, :seat4, :n4, :price4,
            'HELD', now() + interval '1 hour', now(), now(), :order_id::uuid)
)
INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, schema_version, occurred_at, next_attempt_at)
VALUES (gen_random_uuid(), 'Reservation', :rid4::text, 'ReservationHeld',
        jsonb_build_object('reservationId', :rid4::text, 'userId', 'raw-bench'::text,
                           'concertId', :concert::bigint, 'scheduleId', :s::bigint, 'seatNumber', :n4::integer,
                           'price', :price4::bigint, 'expiresAt', (now() + interval '1 hour')::text,
                           'orderId', :order_id::text),
        1, now(), now());
\endif
COMMIT;
