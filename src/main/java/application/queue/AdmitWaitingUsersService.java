package application.queue;

import application.port.QueueSettings;
import application.port.QueueStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

@ApplicationScoped
public class AdmitWaitingUsersService implements AdmitWaitingUsersUseCase {
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;

    public AdmitWaitingUsersService(QueueStore queue, QueueSettings settings, Clock clock) {
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public long admitAll() {
        long admitted = 0;
        for (long concertId : queue.concertsInQueue()) {
            admitted += queue.admit(concertId, clock.instant(), settings.defaultMaxActive(), settings.activeTtl());
        }
        return admitted;
    }
}
