package application.events;

import application.events.port.in.RelayOutboxUseCase;
import application.events.port.out.EventSink;
import application.events.port.out.RelayMetrics;
import domain.event.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Delivers the outbox at least once, in order per aggregate: an event is marked delivered only
 * when the receiver acknowledged its id; everything else is retried with backoff, then parked.
 * Safe with any number of relays: a claim keeps an event out of other relays' batches until the
 * send is settled or the claim runs out.
 */
@ApplicationScoped
public class RelayOutboxService implements RelayOutboxUseCase {
    private final OutboxBatches batches;
    private final EventSink sink;
    private final RelayMetrics metrics;
    private final Clock clock;

    public RelayOutboxService(OutboxBatches batches, EventSink sink, RelayMetrics metrics, Clock clock) {
        this.batches = batches;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Result relayOnce() {
        if (!sink.isConfigured()) {
            return Result.IDLE;
        }
        String relayId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        // the claim outlives the send by a margin, so no other relay picks the batch up meanwhile
        Instant claimUntil = now.plus(sink.timeout().multipliedBy(2)).plusSeconds(5);
        List<StoredEvent> claimed = batches.claim(relayId, now, claimUntil);
        if (claimed.isEmpty()) {
            return Result.IDLE;
        }
        Set<UUID> acknowledged = Set.of();
        String failure = "not acknowledged by the receiver";
        try {
            acknowledged = sink.deliver(claimed.stream().map(StoredEvent::event).toList());
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        Result result = batches.settle(relayId, claimed, acknowledged, failure, clock.instant());
        metrics.record(result.delivered(), result.retried(), result.parked());
        return result;
    }
}
