-- Reconciliation cases and the run report's delivery (issue #18 items 5 and 6; docs/reconciliation.md).

-- A mismatch someone has to act on: one per record (provider + payment key, and our record when we
-- have one), stage and category. Opened by the run that finds it; closed by a person (ACCEPT,
-- WRITE_OFF, REFUND, RECHECK, with who/when/why) or by a later run in which the record no longer shows
-- that mismatch (AUTO_CLOSED, by 'reconciliation'). seq orders the list (the keyset cursor).
CREATE TABLE recon_case (
    id            uuid PRIMARY KEY,
    seq           bigint GENERATED ALWAYS AS IDENTITY,
    provider      varchar(32)  NOT NULL,
    kind          varchar(16)  NOT NULL,
    category      varchar(24)  NOT NULL,
    payment_key   varchar(200) NOT NULL,
    record_type   varchar(24),
    record_id     uuid,
    business_date date         NOT NULL,
    opened_run_id uuid         NOT NULL,
    opened_at     timestamptz  NOT NULL,
    pg_amount     bigint,
    our_amount    bigint,
    status        varchar(16)  NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
    resolution    varchar(16)
        CHECK (resolution IN ('ACCEPT', 'WRITE_OFF', 'REFUND', 'RECHECK', 'AUTO_CLOSED')),
    note          varchar(1000),
    resolved_by   varchar(64),
    resolved_at   timestamptz,
    CHECK ((status = 'OPEN') = (resolution IS NULL))
);
-- one open case per record, stage and mismatch: a re-run that finds it again opens nothing
CREATE UNIQUE INDEX recon_case_one_open_uq ON recon_case (provider, kind, payment_key, category)
    WHERE status = 'OPEN';
-- a mismatch settled by a person (not RECHECK) is not reopened by a re-run of the same files
CREATE INDEX recon_case_key_idx ON recon_case (provider, kind, payment_key);
-- GET …/cases?status=: pages in seq order
CREATE UNIQUE INDEX recon_case_status_seq_idx ON recon_case (status, seq);

-- The run report's delivery (e-mail, chat webhook) after the run ended: when it was delivered, or why
-- not. Both NULL: nothing configured (or not yet sent).
ALTER TABLE recon_run
    ADD COLUMN report_delivered_at     timestamptz,
    ADD COLUMN report_delivery_failure varchar(2000);
