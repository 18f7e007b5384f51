package application.queue;

import application.catalog.port.out.ConcertRepository;
import application.queue.port.in.SetWaitingRoomCapacityUseCase;
import application.queue.port.out.QueueSettings;
import application.queue.port.out.QueueStore;
import application.queue.port.out.WaitingRoomCapacities;
import application.shared.port.out.AfterCommit;
import domain.queue.AdmissionPolicy;
import domain.queue.WaitingRoomStats;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The operator's cap is stored in the database first (the source of truth) and copied to the
 * queue store after the commit; should that copy fail, the admission job copies it on its next
 * round (the store takes only a newer version), so a cap is never lost with the store (D32).
 */
@ApplicationScoped
public class SetWaitingRoomCapacityService implements SetWaitingRoomCapacityUseCase {
    private final ConcertRepository concerts;
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;
    private final WaitingRoomCapacities capacities;
    private final AfterCommit afterCommit;

    public SetWaitingRoomCapacityService(
            ConcertRepository concerts,
            QueueStore queue,
            QueueSettings settings,
            Clock clock,
            WaitingRoomCapacities capacities,
            AfterCommit afterCommit) {
        this.concerts = concerts;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.capacities = capacities;
        this.afterCommit = afterCommit;
    }

    @Override
    @Transactional
    public WaitingRoomStats setMaxActive(long concertId, int maxActive) {
        AdmissionPolicy policy = new AdmissionPolicy(maxActive);
        if (!concerts.exists(concertId)) {
            throw new NotFoundException("concert", concertId);
        }
        WaitingRoomCapacities.Stored stored = capacities.store(concertId, policy.maxActive(), clock.instant());
        afterCommit.run(() -> queue.setMaxActive(concertId, stored.maxActive(), stored.version()));
        WaitingRoomStats now = queue.stats(concertId, clock.instant(), settings.defaultMaxActive());
        return new WaitingRoomStats(concertId, now.waiting(), now.active(), stored.maxActive());
    }
}
