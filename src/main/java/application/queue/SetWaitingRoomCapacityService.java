package application.queue;

import application.port.ConcertRepository;
import application.port.QueueSettings;
import application.port.QueueStore;
import domain.queue.AdmissionPolicy;
import domain.queue.WaitingRoomStats;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

@ApplicationScoped
public class SetWaitingRoomCapacityService implements SetWaitingRoomCapacityUseCase {
    private final ConcertRepository concerts;
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;

    public SetWaitingRoomCapacityService(
            ConcertRepository concerts, QueueStore queue, QueueSettings settings, Clock clock) {
        this.concerts = concerts;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public WaitingRoomStats setMaxActive(long concertId, int maxActive) {
        AdmissionPolicy policy = new AdmissionPolicy(maxActive);
        if (!concerts.exists(concertId)) {
            throw new NotFoundException("concert", concertId);
        }
        queue.setMaxActive(concertId, policy.maxActive());
        return queue.stats(concertId, clock.instant(), settings.defaultMaxActive());
    }
}
