package application.queue;

import application.queue.port.in.CheckAdmissionUseCase;
import application.queue.port.out.QueueSettings;
import application.queue.port.out.QueueStore;
import application.shared.RateLimit;
import domain.queue.QueueAccessDeniedException;
import domain.queue.QueueAccessDeniedException.Reason;
import domain.queue.QueueToken;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Checks a presented queue token: shared by the use cases that only admitted fans may call. */
@ApplicationScoped
public class QueueGate implements CheckAdmissionUseCase {
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;
    private final QueueTokens tokens;

    public QueueGate(QueueStore queue, QueueSettings settings, Clock clock, QueueTokens tokens) {
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.tokens = tokens;
    }

    /** The caller's ticket for this token, whatever its status. */
    public QueueStore.View ownTicket(UserId userId, String rawToken) {
        return owned(userId, queue.find(parse(userId, rawToken), clock.instant(), settings.defaultMaxActive()));
    }

    /**
     * {@link #ownTicket} without blocking: the stage fails with the same {@link QueueAccessDeniedException}
     * (possibly wrapped in a {@code CompletionException}, as stages do), or with
     * {@code RateLimitedException} when the store's count of the call's {@code limits} refuses it.
     */
    public CompletionStage<QueueStore.View> ownTicketLater(UserId userId, String rawToken, List<RateLimit> limits) {
        QueueToken token;
        try {
            token = parse(userId, rawToken);
        } catch (QueueAccessDeniedException e) {
            return CompletableFuture.failedFuture(e);
        }
        return queue.findLater(token, clock.instant(), settings.defaultMaxActive(), limits)
                .thenApply(found -> owned(userId, found));
    }

    /** Refuses the call unless the token is the caller's, ACTIVE, and for this concert. */
    @Override
    public void requireAdmitted(UserId userId, String rawToken, long concertId) {
        Instant now = clock.instant();
        QueueToken token = parse(userId, rawToken);
        if (token.concertId() != concertId) {
            throw new QueueAccessDeniedException(Reason.OTHER_CONCERT);
        }
        known(queue.find(token, now, settings.defaultMaxActive())).ticket().requireAdmitted(userId, concertId, now);
    }

    /**
     * A token this service signed, and the caller's: both are checked before the store is asked, so
     * a forged or borrowed token costs no lookup (and can never be restored into a line).
     */
    private QueueToken parse(UserId userId, String rawToken) {
        QueueToken token = tokens.verify(rawToken);
        if (!token.userId().equals(userId)) {
            throw new QueueAccessDeniedException(Reason.NOT_YOURS);
        }
        return token;
    }

    private static QueueStore.View known(Optional<QueueStore.View> found) {
        return found.orElseThrow(() -> new QueueAccessDeniedException(Reason.UNKNOWN));
    }

    private static QueueStore.View owned(UserId userId, Optional<QueueStore.View> found) {
        QueueStore.View view = known(found);
        view.ticket().requireOwnedBy(userId);
        return view;
    }
}
