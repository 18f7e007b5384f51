package application.events;

import application.events.port.in.PruneOutboxUseCase;
import application.events.port.out.EventSink;
import application.events.port.out.OutboxRelayStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Delivered events go after {@code events.relay.retention}. With no webhook configured nothing is
 * ever delivered, so undelivered events go too, after {@code events.relay.undelivered-retention}
 * (whoever wants them streams the table, e.g. with Debezium, well within that time); with a webhook
 * they are kept, because they are still owed to the receiver.
 */
@ApplicationScoped
public class PruneOutboxService implements PruneOutboxUseCase {
    private final OutboxRelayStore store;
    private final RelaySettings settings;
    private final EventSink sink;
    private final UndeliveredRetention undeliveredRetention;
    private final Clock clock;

    public PruneOutboxService(
            OutboxRelayStore store,
            RelaySettings settings,
            EventSink sink,
            UndeliveredRetention undeliveredRetention,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.sink = sink;
        this.undeliveredRetention = undeliveredRetention;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int pruneBatch(int batchSize) {
        Instant now = clock.instant();
        int pruned = store.pruneDelivered(now.minus(settings.retention()), batchSize);
        if (pruned < batchSize && !sink.isConfigured()) {
            pruned += store.pruneUndelivered(now.minus(undeliveredRetention.value()), batchSize - pruned);
        }
        return pruned;
    }
}
