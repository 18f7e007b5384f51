package application.events;

import application.port.OutboxRelayStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

@ApplicationScoped
public class PruneOutboxService implements PruneOutboxUseCase {
    private final OutboxRelayStore store;
    private final RelaySettings settings;
    private final Clock clock;

    public PruneOutboxService(OutboxRelayStore store, RelaySettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int pruneBatch(int batchSize) {
        return store.pruneDelivered(clock.instant().minus(settings.retention()), batchSize);
    }
}
