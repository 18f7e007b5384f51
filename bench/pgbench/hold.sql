-- Raw baseline of the service's hold (PostgresSeatInventory.hold + the reservation INSERT of
-- PostgresReservationRepository.insert), as one statement = one transaction. Variables via -D:
-- concert, smin, smax (schedule id range), seats (seats per schedule).
\set s random(:smin, :smax)
\set n random(1, :seats)
WITH held AS (
    UPDATE seat SET status = 'HELD', reservation_id = gen_random_uuid(), hold_expires_at = now() + interval '1 hour'
    WHERE schedule_id = :s AND number = :n
      AND (status = 'AVAILABLE' OR (status = 'HELD' AND hold_expires_at <= now()))
    RETURNING id, price, reservation_id
)
INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price, status, expires_at, created_at, updated_at)
SELECT reservation_id, 'raw-bench', :concert, :s, id, :n, price, 'HELD', now() + interval '1 hour', now(), now()
FROM held;
