package application.queue;

import application.queue.port.in.ListWaitingRoomsUseCase;
import application.queue.port.out.QueueSettings;
import application.queue.port.out.QueueStore;
import application.queue.port.out.WaitingRoomCapacities;
import domain.queue.WaitingRoomStats;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

@ApplicationScoped
public class ListWaitingRoomsService implements ListWaitingRoomsUseCase {
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;
    private final WaitingRoomCapacities capacities;

    public ListWaitingRoomsService(
            QueueStore queue, QueueSettings settings, Clock clock, WaitingRoomCapacities capacities) {
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.capacities = capacities;
    }

    @Override
    public List<WaitingRoomStats> list() {
        // the instance's recent copies of the stored caps: the gauges keep working while PostgreSQL is down
        return queue.concertsInQueue().stream()
                .sorted()
                .map(concertId -> queue.stats(
                        concertId,
                        clock.instant(),
                        capacities
                                .recent(concertId)
                                .map(WaitingRoomCapacities.Stored::maxActive)
                                .orElse(settings.defaultMaxActive())))
                .toList();
    }
}
