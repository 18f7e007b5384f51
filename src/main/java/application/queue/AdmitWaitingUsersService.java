package application.queue;

import application.catalog.port.out.ConcertRepository;
import application.queue.port.in.AdmitWaitingUsersUseCase;
import application.queue.port.out.QueueSettings;
import application.queue.port.out.QueueStore;
import application.queue.port.out.WaitingRoomCapacities;
import domain.concert.Inventory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One admission round. Each room's cap is read from the database first and copied to the queue
 * store when the store lacks it or holds an older version, so a store that came back empty never
 * admits on the configured default where the operator set a cap (D32). The rooms' inventories are
 * read once per round, in one query for them all (D53): fans are let in only while a seat is free,
 * and told SOLD_OUT once none is free and none held.
 */
@ApplicationScoped
public class AdmitWaitingUsersService implements AdmitWaitingUsersUseCase {
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;
    private final WaitingRoomCapacities capacities;
    private final ConcertRepository concerts;

    public AdmitWaitingUsersService(
            QueueStore queue,
            QueueSettings settings,
            Clock clock,
            WaitingRoomCapacities capacities,
            ConcertRepository concerts) {
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.capacities = capacities;
        this.concerts = concerts;
    }

    @Override
    public long admitAll() {
        Set<Long> rooms = queue.concertsInQueue();
        if (rooms.isEmpty()) {
            return 0;
        }
        Map<Long, WaitingRoomCapacities.Stored> stored = capacities.current(rooms);
        Map<Long, Inventory> inventories = concerts.inventory(rooms, clock.instant());
        long admitted = 0;
        for (long concertId : rooms) {
            WaitingRoomCapacities.Stored cap = stored.get(concertId);
            if (cap != null) {
                queue.setMaxActive(concertId, cap.maxActive(), cap.version());
            }
            int maxActive = cap != null ? cap.maxActive() : settings.defaultMaxActive();
            Instant now = clock.instant();
            Inventory inventory = inventories.getOrDefault(concertId, new Inventory(false, false));
            admitted += queue.admit(concertId, now, maxActive, settings.activeTtl(), inventory.verdict());
        }
        return admitted;
    }
}
