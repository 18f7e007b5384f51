-- The per-user hold limit (reservation.max-held-per-user) counts a user's live holds on a concert in
-- the hold's own INSERT: this partial index keeps that count to the user's few HELD rows (an
-- index-only scan once the visibility map is set), however many reservations the concert has.
CREATE INDEX reservation_held_user_idx ON reservation (user_id, concert_id, expires_at) WHERE status = 'HELD';
