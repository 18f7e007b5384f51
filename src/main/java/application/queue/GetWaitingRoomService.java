package application.queue;

import application.catalog.port.out.ConcertRepository;
import application.queue.port.in.GetWaitingRoomUseCase;
import application.queue.port.out.QueueSettings;
import application.queue.port.out.QueueStore;
import application.queue.port.out.WaitingRoomCapacities;
import domain.queue.WaitingRoomStats;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Set;

@ApplicationScoped
public class GetWaitingRoomService implements GetWaitingRoomUseCase {
    private final ConcertRepository concerts;
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;
    private final WaitingRoomCapacities capacities;

    public GetWaitingRoomService(
            ConcertRepository concerts,
            QueueStore queue,
            QueueSettings settings,
            Clock clock,
            WaitingRoomCapacities capacities) {
        this.concerts = concerts;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.capacities = capacities;
    }

    @Override
    public WaitingRoomStats stats(long concertId) {
        if (!concerts.exists(concertId)) {
            throw new NotFoundException("concert", concertId);
        }
        WaitingRoomCapacities.Stored stored =
                capacities.current(Set.of(concertId)).get(concertId);
        return queue.stats(
                concertId, clock.instant(), stored != null ? stored.maxActive() : settings.defaultMaxActive());
    }
}
