package domain.event;

/** An event as the outbox holds it: its delivery state, attempts so far and the last failure. */
public record StoredEvent(DomainEvent event, Status status, int attempts, String lastError) {
    public enum Status {
        PENDING,
        DELIVERED,
        PARKED
    }
}
