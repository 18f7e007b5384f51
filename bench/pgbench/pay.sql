-- Raw baseline of the service's payment transaction (PayReservationService.pay and the adapters it
-- calls): the same statements in the same order, one explicit transaction. Each transaction pays a
-- different HELD reservation prepared by bench/run.sh: number n = client_id + k * clients (k counts this
-- client's transactions; pgbench keeps variables per client), reservation id md5('rawpay-' || n)::uuid,
-- owned by 'rawpay' || (n % wallets). Variables via -D: clients, wallets, k=0.
-- The service also checks the owner and writes a JSON payload built in Java; here jsonb_build_object.
\set n :client_id + :k * :clients
\set k :k + 1
\set u :n % :wallets
BEGIN;
-- PostgresIdempotencyStore.claim
INSERT INTO idempotency_key (user_id, operation, key, fingerprint, created_at)
VALUES ('rawpay' || :u, 'payment', 'raw-' || :n, 'reservation=' || md5('rawpay-' || :n)::uuid, now())
ON CONFLICT DO NOTHING;
-- ReservationLoader.ownedBy (Hibernate findById)
SELECT id, concert_id, created_at, expires_at, price, schedule_id, seat_id, seat_number, status, updated_at, user_id
FROM reservation WHERE id = md5('rawpay-' || :n)::uuid \gset r_
-- PostgresReservationRepository.saveIfStillHeld
UPDATE reservation SET status = 'CONFIRMED', updated_at = now()
WHERE id = :r_id AND status = 'HELD' AND expires_at > now();
-- PostgresSeatInventory.sell
UPDATE seat SET status = 'SOLD', hold_expires_at = NULL
WHERE id = :r_seat_id AND reservation_id = :r_id AND status = 'HELD';
-- PostgresWalletStore.pay (no row: pgbench counts the transaction as failed)
UPDATE wallet SET balance = balance - :r_price, updated_at = now()
WHERE user_id = :r_user_id AND balance >= :r_price
RETURNING balance AS w_balance \gset
-- the ledger entry (persisted by Hibernate), the payment, the outbox event
INSERT INTO wallet_transaction (id, user_id, type, amount, balance_after, reference_id, created_at)
VALUES (gen_random_uuid(), :r_user_id, 'PAYMENT', :r_price, :w_balance, md5('rawpaid-' || :n)::uuid, now());
INSERT INTO payment (id, reservation_id, user_id, amount, balance_after, created_at)
VALUES (md5('rawpaid-' || :n)::uuid, :r_id, :r_user_id, :r_price, :w_balance, now());
INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, schema_version, occurred_at, next_attempt_at)
VALUES (gen_random_uuid(), 'Reservation', :r_id, 'ReservationConfirmed',
        jsonb_build_object('reservationId', :r_id::text, 'userId', :r_user_id::text, 'concertId', :r_concert_id::bigint,
                           'scheduleId', :r_schedule_id::bigint, 'seatNumber', :r_seat_number::int, 'price', :r_price::bigint,
                           'payment', jsonb_build_object('paymentId', md5('rawpaid-' || :n)::uuid, 'amount', :r_price::bigint,
                                                         'balanceAfter', :w_balance::bigint, 'paidAt', now())),
        1, now(), now());
-- PostgresIdempotencyStore.complete
UPDATE idempotency_key SET result_id = md5('rawpaid-' || :n)::uuid
WHERE user_id = :r_user_id AND operation = 'payment' AND key = 'raw-' || :n;
COMMIT;
