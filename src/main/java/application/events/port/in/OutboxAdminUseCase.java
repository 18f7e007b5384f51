package application.events.port.in;

import domain.event.OutboxStats;
import domain.event.StoredEvent;
import java.util.List;
import java.util.UUID;

/** What an operator sees of the outbox and the one thing they can do: replay a parked event. */
public interface OutboxAdminUseCase {
    OutboxStats stats();

    List<StoredEvent> parked(int limit);

    /**
     * @throws domain.shared.NotFoundException when no parked event has that id
     */
    void retry(UUID eventId);
}
