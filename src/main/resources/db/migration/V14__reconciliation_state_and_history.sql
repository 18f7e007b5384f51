-- Reconciliation state on our records and its history (decisions D55, D56; docs/reconciliation.md).

-- How far each top-up has come through the chain transaction → acquisition → settlement:
-- UNRECONCILED, MATCHED, ACQUIRED, SETTLED or the mismatch category of the stage that disagreed
-- (reconciliation_stage: the stage that last spoke; NULL while UNRECONCILED). Written only by the
-- reconciliation, with a compare-and-set against the state it read. A constant default: no rewrite
-- of the table. Box-office sales (a later migration) carry the same two columns.
ALTER TABLE topup
    ADD COLUMN reconciliation_state varchar(24) NOT NULL DEFAULT 'UNRECONCILED',
    ADD COLUMN reconciliation_stage varchar(16)
        CHECK (reconciliation_stage IN ('TRANSACTIONS', 'ACQUISITIONS', 'SETTLEMENTS'));
-- Every top-up is updated about three times more (MATCHED, ACQUIRED, SETTLED) by bulk statements.
-- The two columns are in no index, so free room on the page lets those updates be HOT (no new
-- entry in each of topup's indexes per update); applies to pages written from now on.
ALTER TABLE topup SET (fillfactor = 85);

-- Every real change of a record's state, with the run and step that made it. The record is
-- generic (type + id) so that any reconciled record (TOPUP today, BOX_OFFICE_SALE next) keeps its
-- history here and a mismatch can be turned into a case by its key.
-- No foreign key to recon_run and one index only (the key serves the history read): a day's first
-- run appends a row per payment and stage, millions, like recon_item.
CREATE TABLE recon_record_history (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    record_type   varchar(24)  NOT NULL,
    record_id     uuid         NOT NULL,
    from_state    varchar(24)  NOT NULL,
    to_state      varchar(24)  NOT NULL,
    run_id        uuid         NOT NULL,
    business_date date         NOT NULL,
    provider      varchar(32)  NOT NULL,
    kind          varchar(16)  NOT NULL,
    at            timestamptz  NOT NULL,
    detail        varchar(500),
    -- GET /api/v1/admin/reconciliations/records/{id}/history: one record's changes in order
    PRIMARY KEY (record_id, id)
);

-- The item's record and the state change its verdict asks for (NULL: none). Applied after the
-- step's items are written, in one statement that also appends the history.
ALTER TABLE recon_item
    ADD COLUMN record_id  uuid,
    ADD COLUMN state_from varchar(24),
    ADD COLUMN stage_from varchar(16),
    ADD COLUMN state_to   varchar(24),
    ADD COLUMN stage_to   varchar(16);
CREATE INDEX recon_item_state_change_idx ON recon_item (run_id, id) WHERE state_to IS NOT NULL;

-- A run of one provider only (re-running a provider whose chain failed); NULL: every provider.
ALTER TABLE recon_run ADD COLUMN provider varchar(32);
