package application.events;

import application.events.port.in.OutboxAdminUseCase;
import application.events.port.out.OutboxRelayStore;
import application.shared.Page;
import application.shared.PageRequest;
import domain.event.OutboxStats;
import domain.event.StoredEvent;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
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
    @Transactional
    public Page<StoredEvent> parked(PageRequest page) {
        return store.parked(page);
    }

    @Override
    @Transactional
    public void retry(UUID eventId) {
        if (!store.retryParked(eventId, clock.instant())) {
            throw new NotFoundException("parked event", eventId);
        }
    }
}
