package domain.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened to an aggregate and matters outside the service. The domain creates
 * events; it never publishes them. {@code payload} holds JSON-ready values (strings, numbers,
 * booleans, nested maps) in a stable order; {@code schemaVersion} changes when its shape does.
 */
public record DomainEvent(
        UUID id,
        String aggregateType,
        String aggregateId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        Map<String, Object> payload) {

    public DomainEvent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(aggregateType);
        Objects.requireNonNull(aggregateId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(occurredAt);
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema versions start at 1");
        }
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }
}
