package application.queue;

import application.port.ConcertRepository;
import application.port.QueueSettings;
import application.port.QueueStore;
import domain.queue.QueueToken;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;

@ApplicationScoped
public class EnterQueueService implements EnterQueueUseCase {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcertRepository concerts;
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;

    public EnterQueueService(ConcertRepository concerts, QueueStore queue, QueueSettings settings, Clock clock) {
        this.concerts = concerts;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Result enter(UserId userId, long concertId) {
        if (!concerts.exists(concertId)) {
            throw new NotFoundException("concert", concertId);
        }
        QueueStore.Entry entry = queue.enter(
                concertId,
                userId,
                QueueToken.generate(concertId, RANDOM),
                clock.instant(),
                settings.defaultMaxActive(),
                settings.activeTtl());
        return new Result(QueueStatusView.of(entry.view(), settings.activeTtl()), entry.created());
    }
}
