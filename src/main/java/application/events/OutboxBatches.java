package application.events;

import application.events.port.in.RelayOutboxUseCase;
import application.events.port.out.OutboxRelayStore;
import domain.event.RetryPolicy;
import domain.event.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The relay's two short transactions: claiming a batch, and settling it after the send. No
 * transaction is ever held open while the receiver is called.
 */
@ApplicationScoped
public class OutboxBatches {
    private static final SecureRandom JITTER = new SecureRandom();

    private final OutboxRelayStore store;
    private final RelaySettings settings;

    public OutboxBatches(OutboxRelayStore store, RelaySettings settings) {
        this.store = store;
        this.settings = settings;
    }

    @Transactional
    public List<StoredEvent> claim(String relayId, Instant now, Instant claimUntil) {
        return store.claim(relayId, settings.batchSize(), now, claimUntil);
    }

    /** Marks the acknowledged events delivered and schedules (or parks) the others. */
    @Transactional
    public RelayOutboxUseCase.Result settle(
            String relayId, List<StoredEvent> sent, Set<UUID> acknowledged, String failure, Instant now) {
        int delivered = acknowledged.isEmpty() ? 0 : store.markDelivered(relayId, acknowledged, now);
        int retried = 0;
        int parked = 0;
        RetryPolicy policy = settings.retryPolicy();
        for (StoredEvent event : sent) {
            if (acknowledged.contains(event.event().id())) {
                continue;
            }
            int attempts = event.attempts() + 1;
            boolean park = policy.shouldPark(attempts);
            store.markFailed(
                    relayId, event.event().id(), attempts, policy.nextAttempt(attempts, now, JITTER), park, failure);
            if (park) {
                parked++;
            } else {
                retried++;
            }
        }
        return new RelayOutboxUseCase.Result(sent.size(), delivered, retried, parked);
    }
}
