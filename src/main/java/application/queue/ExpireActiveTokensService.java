package application.queue;

import application.queue.port.in.ExpireActiveTokensUseCase;
import application.queue.port.out.QueueStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

@ApplicationScoped
public class ExpireActiveTokensService implements ExpireActiveTokensUseCase {
    private final QueueStore queue;
    private final Clock clock;

    public ExpireActiveTokensService(QueueStore queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public long expireAll() {
        long expired = 0;
        for (long concertId : queue.concertsInQueue()) {
            expired += queue.expireActive(concertId, clock.instant());
        }
        return expired;
    }
}
