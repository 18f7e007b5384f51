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
import java.util.concurrent.CompletionStage;

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
    public CompletionStage<Result> enter(UserId userId, long concertId) {
        return concerts.existsLater(concertId)
                .thenCompose(exists -> {
                    if (!exists) {
                        throw new NotFoundException("concert", concertId);
                    }
                    return queue.enterLater(new QueueStore.Arrival(
                            concertId,
                            userId,
                            QueueToken.generate(concertId, RANDOM),
                            clock.instant(),
                            settings.defaultMaxActive(),
                            settings.activeTtl()));
                })
                .thenApply(
                        entry -> new Result(QueueStatusView.of(entry.view(), settings.activeTtl()), entry.created()));
    }
}
