package application.events;

import application.events.port.in.OutboxAdminUseCase;
import application.events.port.out.OutboxRelayStore;
import domain.event.OutboxStats;
import domain.event.StoredEvent;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutboxAdminService implements OutboxAdminUseCase {
    private final OutboxRelayStore store;
    private final Clock clock;

    public OutboxAdminService(OutboxRelayStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public OutboxStats stats() {
        return store.stats(clock.instant());
    }

    @Override
    public List<StoredEvent> parked(int limit) {
        return store.parked(limit);
    }

    @Override
    @Transactional
    public void retry(UUID eventId) {
        if (!store.retryParked(eventId, clock.instant())) {
            throw new NotFoundException("parked event", eventId);
        }
    }
}
