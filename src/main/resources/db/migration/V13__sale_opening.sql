-- On-sale time and a fair start (decisions D52, D53). A concert may open its sale at opens_at: fans
-- who enter the waiting room before it wait in a pre-queue without a position, and at opens_at the
-- pre-queue is shuffled once, uniformly, and placed ahead of everyone who arrives later.
ALTER TABLE concert ADD COLUMN opens_at timestamptz;

-- the opening job's "which sales are due" (few rows: only concerts that have an on-sale time)
CREATE INDEX concert_opens_at_idx ON concert (opens_at) WHERE opens_at IS NOT NULL;

-- One row per opened sale: the audit of its shuffle and the job's idempotent marker. The row is
-- claimed (INSERT … ON CONFLICT DO NOTHING) with a seed from a SecureRandom before anything is
-- placed, so every run (a second instance, a re-run after a crash) shuffles with that one seed;
-- completed_at is set once, in the transaction that writes the PreQueueShuffled event.
-- Anyone can recompute the order from seed and pre_queue_size (docs/api.md, "Sale opening").
CREATE TABLE sale_opening (
    concert_id     bigint      PRIMARY KEY REFERENCES concert (id),
    opens_at       timestamptz NOT NULL,
    -- 32 bytes from a SecureRandom, hex
    seed           char(64)    NOT NULL CHECK (seed ~ '^[0-9a-f]{64}$'),
    -- how many tokens the frozen pre-queue held (the shuffle's n)
    pre_queue_size integer     NOT NULL CHECK (pre_queue_size >= 0),
    -- SHA-256 (hex) of the pre-queue's tokens in arrival order, one per line: the shuffle's input
    input_digest   char(64)    NOT NULL,
    started_at     timestamptz NOT NULL,
    -- SHA-256 (hex) of the tokens in their shuffled order: the shuffle's output
    order_digest   char(64),
    completed_at   timestamptz,
    CONSTRAINT sale_opening_completed_has_order CHECK ((completed_at IS NULL) = (order_digest IS NULL))
);
