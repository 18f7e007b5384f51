package application.queue;

import application.port.QueueSettings;
import application.port.QueueStore;
import application.port.WaitingRoomCapacities;
import domain.queue.WaitingRoomStats;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Set<Long> rooms = queue.concertsInQueue();
        Map<Long, WaitingRoomCapacities.Stored> stored = rooms.isEmpty() ? Map.of() : capacities.current(rooms);
        return rooms.stream()
                .sorted()
                .map(concertId -> queue.stats(
                        concertId,
                        clock.instant(),
                        stored.containsKey(concertId)
                                ? stored.get(concertId).maxActive()
                                : settings.defaultMaxActive()))
                .toList();
    }
}
