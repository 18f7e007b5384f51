-- A concert's waiting-room cap (maxActive; 0 = sale paused) as the operator set it. PostgreSQL is the
-- source of truth; Redis holds a copy that the admission job restores from here when Redis lost it
-- (decisions D32). No row: the configured default (queue.max-active) applies.
CREATE TABLE waiting_room (
    concert_id bigint      PRIMARY KEY REFERENCES concert (id),
    max_active integer     NOT NULL CHECK (max_active BETWEEN 0 AND 1000000),
    -- incremented by every change, so the Redis copy never takes an older value over a newer one
    version    bigint      NOT NULL CHECK (version > 0),
    updated_at timestamptz NOT NULL
);
