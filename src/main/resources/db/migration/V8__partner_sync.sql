-- Incremental, acknowledged sync of bookings to the membership app server (docs/sync.md).
-- The tables belong to the owner role that runs the migrations; afterMigrate.sql grants the app role
-- DML on them, as on every other table.

-- "New reservations" are read in the order of the transaction that inserted them, not of their
-- (random) id or their clock: a page reads only rows whose inserting transaction is older than every
-- transaction still running (pg_snapshot_xmin), so a hold that commits late can never land behind
-- the cursor. Rows from before this migration read as transaction 0 and come first, in id order.
-- The constant default first: adding the column does not rewrite the table; new rows then take the
-- inserting transaction's id.
ALTER TABLE reservation ADD COLUMN sync_xid xid8 NOT NULL DEFAULT '0';
ALTER TABLE reservation ALTER COLUMN sync_xid SET DEFAULT pg_current_xact_id();
-- the keyset read of section 1: (sync_xid, id) > cursor, in that order
CREATE INDEX reservation_sync_order_idx ON reservation (sync_xid, id);

-- One row per section. NEW keeps the cursor (the last reservation read and answered); both rows are
-- locked by each page of their section (SELECT ... FOR UPDATE), so two runs that overlap in spite of
-- the job lease take turns page by page instead of sending one page twice.
CREATE TABLE partner_sync_state (
    section    varchar(8)  PRIMARY KEY CHECK (section IN ('NEW', 'CHANGED')),
    cursor_xid xid8,
    cursor_id  uuid,
    updated_at timestamptz NOT NULL,
    CONSTRAINT partner_sync_state_cursor_ck CHECK ((cursor_xid IS NULL) = (cursor_id IS NULL))
);
INSERT INTO partner_sync_state (section, cursor_xid, cursor_id, updated_at)
VALUES ('NEW', '0', '00000000-0000-0000-0000-000000000000', now()),
       ('CHANGED', NULL, NULL, now());

-- The tracking store: records the app server accepted that can still change, each with the snapshot
-- that was sent (the JSON record of the contract), until they reach a final state and the server has
-- acknowledged that. Section 2 walks it in reservation_id order (the primary key).
CREATE TABLE partner_sync_tracked (
    reservation_id uuid        PRIMARY KEY REFERENCES reservation (id),
    snapshot       jsonb       NOT NULL,
    batch_id       uuid        NOT NULL,
    sent_at        timestamptz NOT NULL
);

-- One row per run (scheduler or admin), for GET /api/v1/admin/jobs/partner-sync.
CREATE TABLE partner_sync_run (
    id            uuid         PRIMARY KEY,
    requested_by  varchar(64)  NOT NULL,
    status        varchar(16)  NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    started_at    timestamptz  NOT NULL,
    finished_at   timestamptz,
    read_count    bigint       NOT NULL DEFAULT 0,
    sent          bigint       NOT NULL DEFAULT 0,
    accepted      bigint       NOT NULL DEFAULT 0,
    tracked       bigint       NOT NULL DEFAULT 0,
    changed       bigint       NOT NULL DEFAULT 0,
    acknowledged  bigint       NOT NULL DEFAULT 0,
    untracked     bigint       NOT NULL DEFAULT 0,
    failed_pages  integer      NOT NULL DEFAULT 0,
    failure       varchar(2000)
);
-- "the last runs", newest first
CREATE INDEX partner_sync_run_started_idx ON partner_sync_run (started_at DESC);
