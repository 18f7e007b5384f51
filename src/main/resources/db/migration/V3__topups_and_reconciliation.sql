-- Wallet top-ups confirmed with a payment gateway (PG), and the daily reconciliation against the
-- PGs' files (docs/reconciliation.md).

-- One row per PG payment we were asked to credit. (provider, payment_key) is unique: a PG payment
-- credits a wallet at most once, whichever request, retry or reconciliation gets there first.
CREATE TABLE topup (
    id              uuid PRIMARY KEY,
    user_id         varchar(64)  NOT NULL,
    provider        varchar(32)  NOT NULL,
    payment_key     varchar(200) NOT NULL,
    order_id        varchar(64)  NOT NULL,
    amount          bigint       NOT NULL CHECK (amount > 0),
    status          varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'CANCELLED')),
    -- the wallet ledger line that credited it (APPROVED only)
    transaction_id  uuid UNIQUE,
    failure_code    varchar(64),
    failure_message varchar(500),
    approved_at     timestamptz,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    CONSTRAINT topup_payment_key_uq UNIQUE (provider, payment_key),
    CONSTRAINT topup_credited_ck CHECK ((status = 'APPROVED') = (transaction_id IS NOT NULL))
);
-- "credited top-ups asked for on that business day" (MISSING_AT_PG): created_at, not approved_at,
-- because a top-up settled later (status query, reconciliation) belongs to the day it was paid
CREATE INDEX topup_credited_day_idx ON topup (provider, created_at) WHERE status = 'APPROVED';
-- PENDING top-ups waiting for a status query or the reconciliation
CREATE INDEX topup_pending_idx ON topup (created_at) WHERE status = 'PENDING';

-- One reconciliation run per business date at a time (across instances): the partial unique index.
CREATE TABLE recon_run (
    id             uuid PRIMARY KEY,
    business_date  date         NOT NULL,
    trigger        varchar(16)  NOT NULL CHECK (trigger IN ('SCHEDULED', 'MANUAL')),
    requested_by   varchar(64)  NOT NULL,
    status         varchar(16)  NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    failure_reason varchar(2000),
    started_at     timestamptz  NOT NULL,
    heartbeat_at   timestamptz  NOT NULL,
    finished_at    timestamptz
);
CREATE UNIQUE INDEX recon_run_one_running_uq ON recon_run (business_date) WHERE status = 'RUNNING';
CREATE INDEX recon_run_date_idx ON recon_run (business_date, started_at DESC);

-- One step per provider and file kind (TRANSACTIONS, ACQUISITIONS, SETTLEMENTS).
CREATE TABLE recon_step (
    run_id         uuid         NOT NULL REFERENCES recon_run (id) ON DELETE CASCADE,
    provider       varchar(32)  NOT NULL,
    kind           varchar(16)  NOT NULL,
    status         varchar(16)  NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    file_name      varchar(500) NOT NULL,
    rows_read      bigint       NOT NULL DEFAULT 0,
    error_count    bigint       NOT NULL DEFAULT 0,
    failure_reason varchar(2000),
    summary        jsonb,
    started_at     timestamptz  NOT NULL,
    finished_at    timestamptz,
    PRIMARY KEY (run_id, provider, kind)
);

-- Malformed lines: file and line number (the first reconciliation.max-errors-kept per step).
CREATE TABLE recon_file_error (
    run_id    uuid          NOT NULL REFERENCES recon_run (id) ON DELETE CASCADE,
    provider  varchar(32)   NOT NULL,
    kind      varchar(16)   NOT NULL,
    file_name varchar(500)  NOT NULL,
    line_no   bigint        NOT NULL,
    reason    varchar(500)  NOT NULL
);
CREATE INDEX recon_file_error_run_idx ON recon_file_error (run_id, provider, kind, line_no);

-- The PG's lines of one run, loaded with COPY and matched with a hash join (no index: it is
-- written once and read once); deleted when the step ends.
-- UNLOGGED: a crash loses it, and a crashed run is started again from the files anyway.
CREATE UNLOGGED TABLE recon_staging (
    run_id          uuid         NOT NULL,
    provider        varchar(32)  NOT NULL,
    kind            varchar(16)  NOT NULL,
    line_no         bigint       NOT NULL,
    payment_key     varchar(200) NOT NULL,
    status          varchar(16)  NOT NULL,
    amount          bigint       NOT NULL,
    fee             bigint,
    net             bigint,
    settlement_date date,
    occurred_at     timestamptz
);

-- Every classified line (and every top-up the PG does not know): the report's items.
CREATE TABLE recon_item (
    id           bigint GENERATED ALWAYS AS IDENTITY,
    -- no foreign key: it would be checked once per row of a million-row COPY, and the run row is
    -- always written (and committed) before its items
    run_id       uuid         NOT NULL,
    provider     varchar(32)  NOT NULL,
    kind         varchar(16)  NOT NULL,
    category     varchar(24)  NOT NULL,
    payment_key  varchar(200) NOT NULL,
    line_no      bigint,
    pg_status    varchar(16),
    our_status   varchar(16),
    pg_amount    bigint,
    our_amount   bigint,
    fee          bigint,
    expected_fee bigint,
    net          bigint,
    expected_net bigint,
    action       varchar(16)  NOT NULL,
    note         varchar(500),
    -- every read is "items of a run in id order": the key is the only full index a million-line
    -- COPY has to maintain
    PRIMARY KEY (run_id, id)
);
-- pages of one category; MATCHED (nearly every item) is read along the primary key instead
CREATE INDEX recon_item_category_idx ON recon_item (run_id, category, id) WHERE category <> 'MATCHED';
-- the few items that ask for an action (settle a PENDING top-up)
CREATE INDEX recon_item_action_idx ON recon_item (run_id, id) WHERE action <> 'NONE';
