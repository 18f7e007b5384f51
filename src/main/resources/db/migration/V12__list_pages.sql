-- Keyset pages of the lists that grow with use (issue #16 item 5, D51; plans in docs/queries.md).

-- "my bookings" (GET /api/v1/reservations): a user's reservations newest first, keyset on
-- (created_at, id). Each page reads its own rows off the index, however many pages came before it and
-- however many reservations other users have; a status filter reads along it.
CREATE INDEX reservation_user_created_idx ON reservation (user_id, created_at DESC, id DESC);

-- partner sync runs newest first, keyset on (started_at, id): the id breaks ties of one instant
DROP INDEX partner_sync_run_started_idx;
CREATE INDEX partner_sync_run_started_id_idx ON partner_sync_run (started_at DESC, id DESC);

-- parked events oldest first, keyset on seq: a handful of rows among millions of delivered ones
CREATE INDEX outbox_event_parked_idx ON outbox_event (seq) WHERE status = 'PARKED';
