-- Tickets: one per paid seat (reservation), written in the payment's transaction. The code a fan
-- shows is not stored: it is the ticket's id, schedule and seat signed with the service's key when
-- the ticket is read, so a copy of this table opens no door. A check-in is one conditional UPDATE
-- (ISSUED and never checked in → CHECKED_IN); a refund makes the ticket VOID.
-- The app role gets DML on this table from afterMigrate.sql, like every table.
CREATE TABLE ticket (
    id             uuid        PRIMARY KEY,
    -- a reservation is one seat, paid once: one ticket each
    reservation_id uuid        NOT NULL UNIQUE REFERENCES reservation (id),
    user_id        varchar(64) NOT NULL,
    concert_id     bigint      NOT NULL REFERENCES concert (id),
    schedule_id    bigint      NOT NULL REFERENCES schedule (id),
    seat_number    integer     NOT NULL CHECK (seat_number > 0),
    status         varchar(16) NOT NULL CHECK (status IN ('ISSUED', 'CHECKED_IN', 'VOID')),
    issued_at      timestamptz NOT NULL,
    checked_in_at  timestamptz,
    -- the gate keeper's user id (the JWT's sub)
    checked_in_by  varchar(64),
    voided_at      timestamptz,
    -- the refund that made it void
    voided_for     uuid,
    CONSTRAINT ticket_checked_in_has_when CHECK ((status = 'CHECKED_IN') = (checked_in_at IS NOT NULL AND checked_in_by IS NOT NULL)),
    CONSTRAINT ticket_void_has_refund CHECK ((status = 'VOID') = (voided_at IS NOT NULL AND voided_for IS NOT NULL))
);

-- Reservations paid before tickets existed get theirs now (issued when they were paid; no
-- TicketIssued event is written for them).
INSERT INTO ticket (id, reservation_id, user_id, concert_id, schedule_id, seat_number, status, issued_at)
SELECT gen_random_uuid(), r.id, r.user_id, r.concert_id, r.schedule_id, r.seat_number, 'ISSUED',
       coalesce(p.created_at, r.updated_at)
FROM reservation r
LEFT JOIN payment p ON p.reservation_id = r.id
WHERE r.status = 'CONFIRMED';
