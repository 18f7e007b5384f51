package application.queue;

import application.queue.port.in.AdmitWaitingUsersUseCase;
import application.queue.port.out.QueueSettings;
import application.queue.port.out.QueueStore;
import application.queue.port.out.WaitingRoomCapacities;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * One admission round. Each room's cap is read from the database first and copied to the queue
 * store when the store lacks it or holds an older version, so a store that came back empty never
 * admits on the configured default where the operator set a cap (D32).
 */
@ApplicationScoped
public class AdmitWaitingUsersService implements AdmitWaitingUsersUseCase {
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;
    private final WaitingRoomCapacities capacities;

    public AdmitWaitingUsersService(
            QueueStore queue, QueueSettings settings, Clock clock, WaitingRoomCapacities capacities) {
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.capacities = capacities;
    }

    @Override
    public long admitAll() {
        Set<Long> rooms = queue.concertsInQueue();
        if (rooms.isEmpty()) {
            return 0;
        }
        Map<Long, WaitingRoomCapacities.Stored> stored = capacities.current(rooms);
        long admitted = 0;
        for (long concertId : rooms) {
            WaitingRoomCapacities.Stored cap = stored.get(concertId);
            if (cap != null) {
                queue.setMaxActive(concertId, cap.maxActive(), cap.version());
            }
            int maxActive = cap != null ? cap.maxActive() : settings.defaultMaxActive();
            admitted += queue.admit(concertId, clock.instant(), maxActive, settings.activeTtl());
        }
        return admitted;
    }
}
