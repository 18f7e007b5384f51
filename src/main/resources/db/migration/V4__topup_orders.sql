-- Top-up orders (issue #15, point 2): a top-up is paid against an order the caller created first
-- (POST /api/v1/wallet/top-ups), the Korean PG flow. The order's id is what the client hands the
-- PG as orderId; a charge is accepted only for the caller's own open order with the same amount,
-- once: the first charge binds the order to its top-up (topup_id) with a conditional UPDATE.
CREATE TABLE topup_order (
    -- random, unguessable (128 bits from SecureRandom), 6..64 characters as PGs require
    id         varchar(64)  PRIMARY KEY,
    user_id    varchar(64)  NOT NULL,
    amount     bigint       NOT NULL CHECK (amount > 0),
    created_at timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL,
    -- the top-up that used the order; NULL while it is open
    topup_id   uuid UNIQUE REFERENCES topup (id)
);
-- "how many open orders has this user" (the per-user bound)
CREATE INDEX topup_order_open_idx ON topup_order (user_id, expires_at) WHERE topup_id IS NULL;
-- the topup-order-retention job: orders long expired, oldest first
CREATE INDEX topup_order_expiry_idx ON topup_order (expires_at);

-- The sweeper's scan of PENDING top-ups, oldest first, in keyset order (created_at, id).
DROP INDEX topup_pending_idx;
CREATE INDEX topup_pending_idx ON topup (created_at, id) WHERE status = 'PENDING';

-- Pruning undelivered outbox rows when no webhook is configured (events.relay.undelivered-retention).
CREATE INDEX outbox_event_undelivered_age_idx ON outbox_event (occurred_at) WHERE status <> 'DELIVERED';
