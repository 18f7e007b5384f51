-- Transactional outbox: event rows are written in the same transaction as the state change they
-- describe, then a relay delivers them. The first columns follow the defaults of Debezium's outbox
-- event router (id, aggregatetype, aggregateid, type, payload; timestamp: occurred_at), so the table
-- can be streamed to Kafka with Debezium instead of the built-in relay (docs/events.md).
CREATE TABLE outbox_event (
    id              uuid PRIMARY KEY,
    aggregatetype   varchar(64)  NOT NULL,
    aggregateid     varchar(64)  NOT NULL,
    type            varchar(64)  NOT NULL,
    payload         jsonb        NOT NULL,
    schema_version  integer      NOT NULL,
    occurred_at     timestamptz  NOT NULL,
    -- order of commit-time insertion; per-aggregate order follows it
    seq             bigint GENERATED ALWAYS AS IDENTITY,
    -- relay bookkeeping
    status          varchar(16)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'PARKED')),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    claimed_by      varchar(64),
    claimed_until   timestamptz,
    last_error      varchar(500),
    delivered_at    timestamptz
);
-- the relay's scan: pending events in order
CREATE INDEX outbox_event_pending_idx ON outbox_event (seq) WHERE status = 'PENDING';
-- "is an earlier event of this aggregate still undelivered?"
CREATE INDEX outbox_event_aggregate_idx ON outbox_event (aggregatetype, aggregateid, seq) WHERE status <> 'DELIVERED';
-- pruning delivered events after the retention period
CREATE INDEX outbox_event_delivered_idx ON outbox_event (delivered_at) WHERE status = 'DELIVERED';
