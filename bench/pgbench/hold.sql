-- Raw baseline of the service's hold (HoldSeatService and the adapters it calls): the same
-- statements in the same order, one explicit transaction, like pay.sql. Variables via -D: concert,
-- smin, smax (schedule id range), seats (seats per schedule).
-- The service builds the event's payload in Java (BookingEvents.reservationHeld); here jsonb_build_object.
\set s random(:smin, :smax)
\set n random(1, :seats)
BEGIN;
-- PostgresSeatInventory.hold: the conditional UPDATE, or whether the seat exists when it took nothing
WITH held AS (
    UPDATE seat SET status = 'HELD', reservation_id = gen_random_uuid(), hold_expires_at = now() + interval '1 hour'
    WHERE schedule_id = :s AND number = :n
      AND (status = 'AVAILABLE' OR (status = 'HELD' AND hold_expires_at <= now()))
    RETURNING id, price, reservation_id
)
SELECT id AS seat_id, price, reservation_id, 1 AS held FROM held
UNION ALL
SELECT NULL, NULL, NULL, 0 FROM seat
WHERE schedule_id = :s AND number = :n AND NOT EXISTS (SELECT 1 FROM held) \gset
\if :held
-- PostgresReservationRepository.insert: the reservation and its event, one statement
WITH change AS (
    INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price,
                             status, expires_at, created_at, updated_at)
    VALUES (:reservation_id::uuid, 'raw-bench', :concert, :s, :seat_id, :n, :price,
            'HELD', now() + interval '1 hour', now(), now())
)
INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, schema_version, occurred_at, next_attempt_at)
VALUES (gen_random_uuid(), 'Reservation', :reservation_id::text, 'ReservationHeld',
        jsonb_build_object('reservationId', :reservation_id::text, 'userId', 'raw-bench'::text,
                           'concertId', :concert::bigint, 'scheduleId', :s::bigint, 'seatNumber', :n::integer,
                           'price', :price::bigint, 'expiresAt', (now() + interval '1 hour')::text),
        1, now(), now());
\endif
COMMIT;
