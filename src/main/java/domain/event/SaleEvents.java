package domain.event;

import domain.queue.PreQueueShuffle;
import domain.queue.SaleOpeningRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The events of a concert's sale (aggregate {@code Concert}, id = the concert's id). Schemas:
 * {@code docs/events.md}.
 */
public final class SaleEvents {
    public static final String CONCERT = "Concert";

    public static final String PRE_QUEUE_SHUFFLED = "PreQueueShuffled";

    private SaleEvents() {}

    /** The sale opened and its pre-queue was placed in line in the order its recorded seed gives (D52). */
    public static DomainEvent preQueueShuffled(UUID eventId, SaleOpeningRecord opening) {
        if (!opening.isComplete()) {
            throw new IllegalArgumentException("the opening of concert " + opening.concertId() + " is not complete");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("concertId", opening.concertId());
        payload.put("opensAt", opening.opensAt().toString());
        payload.put("algorithm", PreQueueShuffle.ALGORITHM);
        payload.put("seed", opening.seed());
        payload.put("preQueueSize", opening.preQueueSize());
        payload.put("inputDigest", opening.inputDigest());
        payload.put("orderDigest", opening.orderDigest());
        payload.put("startedAt", opening.startedAt().toString());
        payload.put("shuffledAt", opening.completedAt().toString());
        return new DomainEvent(
                eventId,
                CONCERT,
                Long.toString(opening.concertId()),
                PRE_QUEUE_SHUFFLED,
                1,
                opening.completedAt(),
                payload);
    }
}
