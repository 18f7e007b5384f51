-- Orders of several seats and payments of several reservations (D47).
-- A hold of several seats is one order: each seat is still one reservation, and they share
-- order_id. A single-seat hold is an order of one, whose order_id is the reservation's own id.
-- Rows written without it (older code paths) read as an order of one as well.
ALTER TABLE reservation ADD COLUMN order_id uuid;
UPDATE reservation SET order_id = id WHERE order_id IS NULL;

-- A payment of several reservations keeps one payment row per reservation (amount = that seat's
-- price, so refunds and the partner sync stay per reservation); the rows of one payment request
-- share group_id, and wallet_transaction_id names the one PAYMENT ledger line of their total
-- (whose reference_id is the group id). A single payment is a group of one: group_id = its id.
ALTER TABLE payment ADD COLUMN group_id uuid;
ALTER TABLE payment ADD COLUMN wallet_transaction_id uuid;
UPDATE payment p SET group_id = p.id,
                     wallet_transaction_id = (SELECT t.id FROM wallet_transaction t
                                              WHERE t.reference_id = p.id AND t.type = 'PAYMENT'
                                              ORDER BY t.seq LIMIT 1)
WHERE p.group_id IS NULL;
-- a replayed Idempotency-Key of a payment of several reservations reads its group
CREATE INDEX payment_group_idx ON payment (group_id);
