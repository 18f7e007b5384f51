package application.events.port.out;

import application.shared.Page;
import application.shared.PageRequest;
import domain.event.OutboxStats;
import domain.event.StoredEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The relay's view of the outbox. Each method is one short transaction's worth of work. */
public interface OutboxRelayStore {
    /**
     * Claims up to {@code limit} due events for {@code relayId} until {@code claimUntil}: only the
     * oldest undelivered event of each aggregate, never one that another relay's claim still
     * covers, in outbox order.
     */
    List<StoredEvent> claim(String relayId, int limit, Instant now, Instant claimUntil);

    /** Marks the relay's claimed events delivered; returns how many. */
    int markDelivered(String relayId, Collection<UUID> ids, Instant now);

    /** Records a failed attempt: back to PENDING until {@code nextAttempt}, or PARKED. */
    void markFailed(String relayId, UUID id, int attempts, Instant nextAttempt, boolean park, String error);

    OutboxStats stats(Instant now);

    /**
     * One page of the PARKED events, oldest first (in the outbox's order; the key's position is the
     * event's place in it), after {@code page.after()}.
     */
    Page<StoredEvent> parked(PageRequest page);

    /** Puts a PARKED event back in line at once; false if there is no such parked event. */
    boolean retryParked(UUID id, Instant now);

    /** Deletes up to {@code limit} events delivered before {@code cutoff}; returns how many. */
    int pruneDelivered(Instant cutoff, int limit);

    /**
     * Deletes up to {@code limit} undelivered (PENDING or PARKED) events that occurred before {@code
     * cutoff}; returns how many. Only for an outbox that nothing delivers (no webhook configured).
     */
    int pruneUndelivered(Instant cutoff, int limit);
}
