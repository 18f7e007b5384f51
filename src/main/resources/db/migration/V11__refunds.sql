-- Refunds (issue #16): by the owner before refund.cutoff, and of every paid seat when the organiser
-- cancels a schedule (a resumable job, one row per schedule). Decisions D49, D50.
-- The app role gets DML on the new tables from afterMigrate.sql, like every table.

-- A refunded reservation keeps its row (REFUNDED is final); its seat is AVAILABLE again.
ALTER TABLE reservation DROP CONSTRAINT reservation_status_check;
ALTER TABLE reservation ADD CONSTRAINT reservation_status_check
    CHECK (status IN ('HELD', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'REFUNDED'));
-- the cancellation job reads the paid seats of one schedule in id order (its cursor)
CREATE INDEX reservation_schedule_status_idx ON reservation (schedule_id, status, id);

-- A cancelled schedule sells nothing more and is no longer listed. Set once, never cleared.
ALTER TABLE schedule ADD COLUMN cancelled_at timestamptz;

-- One row per refunded reservation (= seat, since a reservation is one seat): the UNIQUE on
-- reservation_id makes a second refund of a seat impossible, whatever the code does.
-- Keyed by reservation, never by payment group (several seats may share a ledger entry).
CREATE TABLE refund (
    id                    uuid        PRIMARY KEY,
    reservation_id        uuid        NOT NULL UNIQUE REFERENCES reservation (id),
    user_id               varchar(64) NOT NULL,
    -- what went back to the wallet (price - fee); 0 leaves no ledger line
    amount                bigint      NOT NULL CHECK (amount >= 0),
    fee                   bigint      NOT NULL CHECK (fee >= 0),
    reason                varchar(32) NOT NULL CHECK (reason IN ('OWNER', 'SCHEDULE_CANCELLED')),
    refunded_at           timestamptz NOT NULL,
    -- the REFUND ledger line (null when the amount is 0)
    wallet_transaction_id uuid,
    -- the schedule cancellation that refunded it (reason SCHEDULE_CANCELLED)
    job_id                uuid,
    CONSTRAINT refund_amount_has_ledger_line CHECK ((amount > 0) = (wallet_transaction_id IS NOT NULL)),
    CONSTRAINT refund_job_when_cancelled CHECK ((reason = 'SCHEDULE_CANCELLED') = (job_id IS NOT NULL))
);

-- The cancellation of a schedule and its refund job: one per schedule. The job locks its row for
-- each chunk (SELECT ... FOR UPDATE), moves the cursor (the last reservation id refunded) and the
-- count with the chunk's refunds, so a crash rolls both back together and a re-run resumes there.
CREATE TABLE schedule_cancellation (
    schedule_id  bigint      PRIMARY KEY REFERENCES schedule (id),
    job_id       uuid        NOT NULL UNIQUE,
    status       varchar(16) NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED')),
    requested_by varchar(64) NOT NULL,
    total        integer     NOT NULL CHECK (total >= 0),
    refunded     integer     NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    holds_cancelled integer  NOT NULL DEFAULT 0 CHECK (holds_cancelled >= 0),
    cursor_id    uuid,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT schedule_cancellation_finished CHECK ((status = 'COMPLETED') = (finished_at IS NOT NULL))
);
-- "jobs still to run", for the scheduler
CREATE INDEX schedule_cancellation_running_idx ON schedule_cancellation (started_at) WHERE status = 'RUNNING';
