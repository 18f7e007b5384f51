package adapters.postgres;

import application.events.port.out.OutboxPort;
import application.events.port.out.OutboxRelayStore;
import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.event.DomainEvent;
import domain.event.OutboxStats;
import domain.event.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The outbox table: written by use cases in their transaction, read and settled by the relay. */
@ApplicationScoped
public class PostgresOutbox implements OutboxPort, OutboxRelayStore {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
    private static final String COLUMNS =
            "id, aggregatetype, aggregateid, type, payload::text, schema_version, occurred_at, status, attempts, last_error";

    private static final Set<String> EVENT_PARAMETERS =
            Set.of("id", "aggregateType", "aggregateId", "type", "payload", "version", "at");

    private final EntityManager em;
    private final ObjectMapper json;

    public PostgresOutbox(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Override
    public void append(DomainEvent event) {
        appendWith(null, Map.of(), event);
    }

    /**
     * Records the event in the same statement as {@code change}, a data-modifying statement that
     * runs as a CTE before the event's INSERT: a change and its event in one round trip. The
     * change's parameters must not reuse the names this INSERT binds.
     */
    void appendWith(String change, Map<String, Object> changeParameters, DomainEvent event) {
        String insert = """
                INSERT INTO outbox_event
                    (id, aggregatetype, aggregateid, type, payload, schema_version, occurred_at, next_attempt_at)
                VALUES (:id, :aggregateType, :aggregateId, :type, CAST(:payload AS jsonb), :version, :at, :at)
                """;
        Jdbc.update(
                em,
                change == null ? insert : "WITH change AS (" + change + ")\n" + insert,
                eventParameters(changeParameters, event));
    }

    private Map<String, Object> eventParameters(Map<String, Object> changeParameters, DomainEvent event) {
        if (!Collections.disjoint(changeParameters.keySet(), EVENT_PARAMETERS)) {
            throw new IllegalArgumentException("parameter names taken by the event: " + EVENT_PARAMETERS);
        }
        Map<String, Object> parameters = new HashMap<>(changeParameters);
        parameters.put("id", event.id());
        parameters.put("aggregateType", event.aggregateType());
        parameters.put("aggregateId", event.aggregateId());
        parameters.put("type", event.type());
        parameters.put("payload", write(event.payload()));
        parameters.put("version", event.schemaVersion());
        parameters.put("at", event.occurredAt());
        return parameters;
    }

    /**
     * Like {@link #appendWith}, for a conditional change that RETURNs one row when it wrote and none
     * when it did not: the event is recorded only with the change, in one round trip. Returns 1 when
     * both were written, 0 when neither was.
     */
    int appendForEachRow(String change, Map<String, Object> changeParameters, DomainEvent event) {
        return Jdbc.update(em, "WITH change AS (" + change + ")\n" + """
                INSERT INTO outbox_event
                    (id, aggregatetype, aggregateid, type, payload, schema_version, occurred_at, next_attempt_at)
                SELECT :id, :aggregateType, :aggregateId, :type, CAST(:payload AS jsonb), :version, :at, :at
                FROM change
                """, eventParameters(changeParameters, event));
    }

    @Override
    public List<StoredEvent> claim(String relayId, int limit, Instant now, Instant claimUntil) {
        List<Claimed> claimed = Jdbc.query(
                em,
                """
                UPDATE outbox_event e SET claimed_by = :relay, claimed_until = :until
                WHERE e.status = 'PENDING' AND (e.claimed_until IS NULL OR e.claimed_until < :now)
                  AND e.id IN (
                    SELECT o.id FROM outbox_event o
                    WHERE o.status = 'PENDING' AND o.next_attempt_at <= :now
                      AND (o.claimed_until IS NULL OR o.claimed_until < :now)
                      AND NOT EXISTS (
                        SELECT 1 FROM outbox_event p
                        WHERE p.aggregatetype = o.aggregatetype AND p.aggregateid = o.aggregateid
                          AND p.status <> 'DELIVERED' AND p.seq < o.seq)
                    ORDER BY o.seq
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                RETURNING %s, seq
                """.formatted(COLUMNS),
                Map.of("relay", relayId, "until", claimUntil, "now", now, "limit", limit),
                row -> new Claimed(row.longValue("seq"), stored(row)));
        return claimed.stream()
                .sorted(Comparator.comparingLong(Claimed::seq))
                .map(Claimed::event)
                .toList();
    }

    private record Claimed(long seq, StoredEvent event) {}

    @Override
    public int markDelivered(String relayId, Collection<UUID> ids, Instant now) {
        return Jdbc.update(em, """
                UPDATE outbox_event SET status = 'DELIVERED', delivered_at = :now, claimed_by = NULL,
                    claimed_until = NULL, last_error = NULL
                WHERE id = ANY (:ids) AND claimed_by = :relay AND status = 'PENDING'
                """, Map.of("now", now, "ids", Jdbc.array("uuid", ids), "relay", relayId));
    }

    @Override
    public void markFailed(String relayId, UUID id, int attempts, Instant nextAttempt, boolean park, String error) {
        Jdbc.update(
                em,
                """
                UPDATE outbox_event SET status = :status, attempts = :attempts, next_attempt_at = :next,
                    last_error = :error, claimed_by = NULL, claimed_until = NULL
                WHERE id = :id AND claimed_by = :relay AND status = 'PENDING'
                """,
                Map.of(
                        "status", park ? "PARKED" : "PENDING",
                        "attempts", attempts,
                        "next", nextAttempt,
                        "error", error.length() > 500 ? error.substring(0, 500) : error,
                        "id", id,
                        "relay", relayId));
    }

    @Override
    public OutboxStats stats(Instant now) {
        return Jdbc.one(em, """
                SELECT count(*) FILTER (WHERE status = 'PENDING') AS pending,
                       count(*) FILTER (WHERE status = 'DELIVERED') AS delivered,
                       count(*) FILTER (WHERE status = 'PARKED') AS parked,
                       min(occurred_at) FILTER (WHERE status = 'PENDING') AS oldest_pending
                FROM outbox_event
                """, Map.of(), row -> {
            Instant oldest = row.instant("oldest_pending");
            Duration age = oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
            return new OutboxStats(row.longValue("pending"), row.longValue("delivered"), row.longValue("parked"), age);
        });
    }

    /** Keyset on {@code seq} ascending, served by {@code outbox_event_parked_idx} (V12). */
    @Override
    public Page<StoredEvent> parked(PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("limit", page.probe());
        String after = "";
        if (page.after() != null) {
            after = " AND seq > :after";
            parameters.put("after", page.after().position());
        }
        List<Parked> rows = Jdbc.query(
                em,
                "SELECT seq, " + COLUMNS + " FROM outbox_event WHERE status = 'PARKED'" + after
                        + " ORDER BY seq LIMIT :limit",
                parameters,
                row -> new Parked(row.longValue("seq"), stored(row)));
        return Page.of(rows, page, p -> new PageKey(p.seq(), p.event().event().id()))
                .map(Parked::event);
    }

    private record Parked(long seq, StoredEvent event) {}

    @Override
    public boolean retryParked(UUID id, Instant now) {
        return Jdbc.update(em, """
                        UPDATE outbox_event SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                        WHERE id = :id AND status = 'PARKED'
                        """, Map.of("now", now, "id", id)) == 1;
    }

    /** Claimed once in a MATERIALIZED CTE, as the hold expiry does: a runner locks only what it deletes. */
    @Override
    public int pruneDelivered(Instant cutoff, int limit) {
        return Jdbc.update(em, """
                WITH claimed AS MATERIALIZED (
                    SELECT id FROM outbox_event WHERE status = 'DELIVERED' AND delivered_at < :cutoff
                    ORDER BY delivered_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                DELETE FROM outbox_event e USING claimed WHERE e.id = claimed.id
                """, Map.of("cutoff", cutoff, "limit", limit));
    }

    @Override
    public int pruneUndelivered(Instant cutoff, int limit) {
        return Jdbc.update(em, """
                WITH claimed AS MATERIALIZED (
                    SELECT id FROM outbox_event WHERE status <> 'DELIVERED' AND occurred_at < :cutoff
                    ORDER BY occurred_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                DELETE FROM outbox_event e USING claimed WHERE e.id = claimed.id
                """, Map.of("cutoff", cutoff, "limit", limit));
    }

    private StoredEvent stored(Jdbc.Row row) throws SQLException {
        DomainEvent event = new DomainEvent(
                row.uuid("id"),
                row.string("aggregatetype"),
                row.string("aggregateid"),
                row.string("type"),
                row.intValue("schema_version"),
                row.instant("occurred_at"),
                read(row.string("payload")));
        return new StoredEvent(
                event,
                row.enumValue("status", StoredEvent.Status.class),
                row.intValue("attempts"),
                row.string("last_error"));
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event payload must be JSON-ready", e);
        }
    }

    private Map<String, Object> read(String payload) {
        try {
            return json.readValue(payload, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable event payload", e);
        }
    }
}
