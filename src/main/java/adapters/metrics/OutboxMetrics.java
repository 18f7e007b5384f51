package adapters.metrics;

import adapters.config.JobOutageLog;
import application.events.port.in.OutboxAdminUseCase;
import application.events.port.out.RelayMetrics;
import domain.event.OutboxStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code booking_outbox_pending}, {@code booking_outbox_parked}, {@code booking_outbox_oldest_pending_seconds}
 * (refreshed in the background) and the relay's counters
 * {@code booking_outbox_delivered_total}, {@code _retried_total}, {@code _parked_total}.
 */
@ApplicationScoped
public class OutboxMetrics implements RelayMetrics {
    private final OutboxAdminUseCase outbox;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parkedNow = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final Counter delivered;
    private final Counter retried;
    private final Counter parked;

    /** a store outage is one log line when it starts and one when it ends, not a stack trace per tick */
    @Inject
    JobOutageLog outages;

    public OutboxMetrics(OutboxAdminUseCase outbox, MeterRegistry registry) {
        this.outbox = outbox;
        Gauge.builder("booking.outbox.pending", pending, AtomicLong::get).register(registry);
        Gauge.builder("booking.outbox.parked", parkedNow, AtomicLong::get).register(registry);
        Gauge.builder("booking.outbox.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .register(registry);
        this.delivered = Counter.builder("booking.outbox.delivered").register(registry);
        this.retried = Counter.builder("booking.outbox.retried").register(registry);
        this.parked = Counter.builder("booking.outbox.parked.events").register(registry);
    }

    @Override
    public void record(int deliveredNow, int retriedNow, int parkedEvents) {
        delivered.increment(deliveredNow);
        retried.increment(retriedNow);
        parked.increment(parkedEvents);
    }

    @Scheduled(
            identity = "outbox-metrics",
            every = "${queue.metrics-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        outages.run("outbox-metrics", this::refresh);
    }

    public void refresh() {
        OutboxStats stats = outbox.stats();
        pending.set(stats.pending());
        parkedNow.set(stats.parked());
        oldestPendingSeconds.set(stats.oldestPendingAge().toSeconds());
    }
}
