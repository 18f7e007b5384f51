package application.queue;

import application.catalog.port.out.ConcertRepository;
import application.queue.port.in.EnterQueueUseCase;
import application.queue.port.out.QueueSettings;
import application.queue.port.out.QueueStore;
import application.queue.port.out.WaitingRoomCapacities;
import application.shared.RateLimit;
import domain.concert.Concert;
import domain.queue.QueueAccessDeniedException;
import domain.queue.QueueAccessDeniedException.Reason;
import domain.queue.QueueToken;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class EnterQueueService implements EnterQueueUseCase {
    private final ConcertRepository concerts;
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;
    private final QueueTokens tokens;
    private final WaitingRoomCapacities capacities;

    public EnterQueueService(
            ConcertRepository concerts,
            QueueStore queue,
            QueueSettings settings,
            Clock clock,
            QueueTokens tokens,
            WaitingRoomCapacities capacities) {
        this.concerts = concerts;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.tokens = tokens;
        this.capacities = capacities;
    }

    @Override
    public CompletionStage<Result> enter(UserId userId, long concertId, String presentedToken, List<RateLimit> limits) {
        Optional<QueueToken> returning;
        try {
            returning = returning(userId, concertId, presentedToken);
        } catch (QueueAccessDeniedException e) {
            return CompletableFuture.failedFuture(e);
        }
        // the concert as this instance saw it lately: its existence and its on-sale time (D52)
        return concerts.recentLater(concertId).thenCompose(found -> {
            Concert concert = found.orElseThrow(() -> new NotFoundException("concert", concertId));
            // never admit on the configured default when the operator stored a cap (D32)
            return capacities
                    .recentLater(concertId)
                    .thenCompose(stored -> {
                        Instant now = clock.instant();
                        return queue.enterLater(new QueueStore.Arrival(
                                        concertId,
                                        userId,
                                        tokens.issue(userId, concertId, now),
                                        now,
                                        stored.map(WaitingRoomCapacities.Stored::maxActive)
                                                .orElse(settings.defaultMaxActive()),
                                        settings.activeTtl(),
                                        returning,
                                        limits)
                                .opening(concert.opensAt()));
                    })
                    .thenApply(entry -> new Result(
                            QueueStatusViews.of(entry.view(), settings.activeTtl(), concert.opensAt()),
                            entry.created()));
        });
    }

    /** The token a returning fan presents: ours, theirs, and for this concert, or the entry is refused. */
    private Optional<QueueToken> returning(UserId userId, long concertId, String presentedToken) {
        if (presentedToken == null || presentedToken.isEmpty()) {
            return Optional.empty();
        }
        QueueToken token = tokens.verify(presentedToken);
        if (!token.userId().equals(userId)) {
            throw new QueueAccessDeniedException(Reason.NOT_YOURS);
        }
        if (token.concertId() != concertId) {
            throw new QueueAccessDeniedException(Reason.OTHER_CONCERT);
        }
        return Optional.of(token);
    }
}
