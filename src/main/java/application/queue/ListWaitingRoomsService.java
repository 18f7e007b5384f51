package application.queue;

import application.port.QueueSettings;
import application.port.QueueStore;
import domain.queue.WaitingRoomStats;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

@ApplicationScoped
public class ListWaitingRoomsService implements ListWaitingRoomsUseCase {
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;

    public ListWaitingRoomsService(QueueStore queue, QueueSettings settings, Clock clock) {
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<WaitingRoomStats> list() {
        return queue.concertsInQueue().stream()
                .sorted()
                .map(concertId -> queue.stats(concertId, clock.instant(), settings.defaultMaxActive()))
                .toList();
    }
}
