package adapters.metrics;

import adapters.config.JobOutageLog;
import application.queue.port.in.ListWaitingRoomsUseCase;
import domain.queue.WaitingRoomStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Queue size gauges per concert ({@code booking_queue_waiting}, {@code booking_queue_active},
 * {@code booking_queue_max_active}), refreshed in the background so a scrape never waits on Redis.
 */
@ApplicationScoped
public class QueueMetrics {
    private final ListWaitingRoomsUseCase rooms;
    private final MultiGauge waiting;
    private final MultiGauge active;
    private final MultiGauge maxActive;

    /** a store outage is one log line when it starts and one when it ends, not a stack trace per tick */
    @Inject
    JobOutageLog outages;

    public QueueMetrics(ListWaitingRoomsUseCase rooms, MeterRegistry registry) {
        this.rooms = rooms;
        this.waiting = MultiGauge.builder("booking.queue.waiting")
                .description("fans waiting in line, per concert")
                .register(registry);
        this.active = MultiGauge.builder("booking.queue.active")
                .description("fans admitted (ACTIVE), per concert")
                .register(registry);
        this.maxActive = MultiGauge.builder("booking.queue.max.active")
                .description("the ACTIVE cap, per concert")
                .register(registry);
    }

    @Scheduled(
            identity = "queue-metrics",
            every = "${queue.metrics-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        outages.run("queue-metrics", this::refresh);
    }

    public void refresh() {
        List<WaitingRoomStats> stats = rooms.list();
        waiting.register(rows(stats, WaitingRoomStats::waiting), true);
        active.register(rows(stats, WaitingRoomStats::active), true);
        maxActive.register(rows(stats, s -> s.maxActive()), true);
    }

    private static List<MultiGauge.Row<?>> rows(
            List<WaitingRoomStats> stats, java.util.function.ToLongFunction<WaitingRoomStats> value) {
        return stats.stream()
                .<MultiGauge.Row<?>>map(
                        s -> MultiGauge.Row.of(Tags.of("concert", Long.toString(s.concertId())), value.applyAsLong(s)))
                .toList();
    }
}
