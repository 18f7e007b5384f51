-- Booking core: catalogue, seats, reservations, wallets with their ledger, payments, idempotency keys.
-- Postgres is the source of truth for money, seats and reservations; Redis only holds the waiting rooms.

CREATE TABLE concert (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title      varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE schedule (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    concert_id bigint      NOT NULL REFERENCES concert (id),
    starts_at  timestamptz NOT NULL,
    seat_count integer     NOT NULL CHECK (seat_count > 0)
);
-- "available schedules of a concert": future schedules of one concert, in date order
CREATE INDEX schedule_concert_starts_idx ON schedule (concert_id, starts_at);

CREATE TABLE seat (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    schedule_id     bigint      NOT NULL REFERENCES schedule (id),
    number          integer     NOT NULL CHECK (number > 0),
    price           bigint      NOT NULL CHECK (price >= 0),
    status          varchar(16) NOT NULL CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD')),
    reservation_id  uuid,
    hold_expires_at timestamptz,
    CONSTRAINT seat_held_has_expiry CHECK (status <> 'HELD' OR (reservation_id IS NOT NULL AND hold_expires_at IS NOT NULL)),
    -- "seats of a schedule" (ordered by number) and "the seat to hold" both use this index
    CONSTRAINT seat_schedule_number_key UNIQUE (schedule_id, number)
);
-- counting the seats one can still hold per schedule: sold seats are never looked at again
CREATE INDEX seat_schedule_open_idx ON seat (schedule_id, status, hold_expires_at) WHERE status <> 'SOLD';

CREATE TABLE reservation (
    id          uuid PRIMARY KEY,
    user_id     varchar(64) NOT NULL,
    concert_id  bigint      NOT NULL REFERENCES concert (id),
    schedule_id bigint      NOT NULL REFERENCES schedule (id),
    seat_id     bigint      NOT NULL REFERENCES seat (id),
    seat_number integer     NOT NULL,
    price       bigint      NOT NULL CHECK (price >= 0),
    status      varchar(16) NOT NULL CHECK (status IN ('HELD', 'CONFIRMED', 'EXPIRED', 'CANCELLED')),
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
-- the hold-expiry scan touches only live holds
CREATE INDEX reservation_held_expiry_idx ON reservation (expires_at) WHERE status = 'HELD';
-- a seat is sold to one reservation, whatever happens above this line
CREATE UNIQUE INDEX reservation_confirmed_seat_key ON reservation (seat_id) WHERE status = 'CONFIRMED';

CREATE TABLE wallet (
    user_id    varchar(64) PRIMARY KEY,
    balance    bigint      NOT NULL CHECK (balance >= 0),
    updated_at timestamptz NOT NULL
);

CREATE TABLE wallet_transaction (
    id            uuid PRIMARY KEY,
    -- ledger order: taken while the wallet row is locked, so it follows the order the changes applied
    seq           bigint GENERATED ALWAYS AS IDENTITY,
    user_id       varchar(64) NOT NULL,
    type          varchar(16) NOT NULL CHECK (type IN ('CHARGE', 'PAYMENT', 'REFUND')),
    amount        bigint      NOT NULL CHECK (amount > 0),
    balance_after bigint      NOT NULL CHECK (balance_after >= 0),
    reference_id  uuid,
    created_at    timestamptz NOT NULL
);
-- "ledger by user", newest first
CREATE INDEX wallet_transaction_user_seq_idx ON wallet_transaction (user_id, seq DESC);

CREATE TABLE payment (
    id             uuid PRIMARY KEY,
    reservation_id uuid        NOT NULL UNIQUE REFERENCES reservation (id),
    user_id        varchar(64) NOT NULL,
    amount         bigint      NOT NULL CHECK (amount >= 0),
    balance_after  bigint      NOT NULL CHECK (balance_after >= 0),
    created_at     timestamptz NOT NULL
);

-- Idempotency-Key → the effect that answered it; the primary key is the lookup index.
CREATE TABLE idempotency_key (
    user_id     varchar(64)  NOT NULL,
    operation   varchar(32)  NOT NULL,
    key         varchar(128) NOT NULL,
    fingerprint varchar(200) NOT NULL,
    result_id   uuid,
    created_at  timestamptz  NOT NULL,
    PRIMARY KEY (user_id, operation, key)
);
-- the retention job deletes keys older than idempotency.retention, oldest first
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
