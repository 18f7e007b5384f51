package application.events.port.in;

import application.shared.Page;
import application.shared.PageRequest;
import domain.event.OutboxStats;
import domain.event.StoredEvent;
import java.util.UUID;

/** What an operator sees of the outbox and the one thing they can do: replay a parked event. */
public interface OutboxAdminUseCase {
    OutboxStats stats();

    /** One page of the parked events, oldest first. */
    Page<StoredEvent> parked(PageRequest page);

    /**
     * @throws domain.shared.NotFoundException when no parked event has that id
     */
    void retry(UUID eventId);
}
