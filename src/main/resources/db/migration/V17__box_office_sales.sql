-- Box-office sales (issue #18 item 1; decisions D61, D62; docs/api.md, docs/reconciliation.md).
-- Seats sold at the venue with a card terminal. Each seat is still a reservation (CONFIRMED at
-- once, order_id = the sale's id, owner 'box-office:<sale id>') with its ticket, so the door,
-- refunds of a cancelled date and the partner sync treat it like any paid seat; this row keeps the
-- card approval, which the provider's offline file (welcome-offline) is reconciled against.
CREATE TABLE box_office_sale (
    id              uuid PRIMARY KEY,
    concert_id      bigint       NOT NULL REFERENCES concert (id),
    schedule_id     bigint       NOT NULL REFERENCES schedule (id),
    -- the reservations of the sale's seats, in seat-number order (their ids are the seats' keys)
    reservation_ids uuid[]       NOT NULL,
    -- the seats' price sum, which the terminal's approved amount must equal
    amount          bigint       NOT NULL CHECK (amount >= 0),
    -- the card approval: the payment key the provider's files name it by is (provider, approval_no)
    provider        varchar(32)  NOT NULL,
    approval_no     varchar(32)  NOT NULL,
    terminal_id     varchar(32)  NOT NULL,
    approved_at     timestamptz  NOT NULL,
    -- the box-office clerk (the JWT's sub)
    sold_by         varchar(64)  NOT NULL,
    sold_at         timestamptz  NOT NULL,
    -- as on topup (V14, D56): UNRECONCILED, MATCHED, ACQUIRED, SETTLED or a mismatch category, and the
    -- stage that set it; written only by the reconciliation. No PENDING: a sale is final at the counter.
    reconciliation_state varchar(24) NOT NULL DEFAULT 'UNRECONCILED',
    reconciliation_stage varchar(16)
        CHECK (reconciliation_stage IN ('TRANSACTIONS', 'ACQUISITIONS', 'SETTLEMENTS')),
    -- one card approval sells once; also the reconciliation's join key
    CONSTRAINT box_office_sale_approval_key UNIQUE (provider, approval_no)
) WITH (fillfactor = 50); -- each sale is updated about three times by the reconciliation: HOT updates, as topup (V18)

-- the transaction stage's "ours, not in the file": a provider's sales approved on the business day
CREATE INDEX box_office_sale_provider_approved_idx ON box_office_sale (provider, approved_at);
