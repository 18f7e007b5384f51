package application.queue;

import application.port.QueueSettings;
import application.port.QueueStore;
import domain.queue.QueueAccessDeniedException;
import domain.queue.QueueAccessDeniedException.Reason;
import domain.queue.QueueToken;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Checks a presented queue token: shared by the use cases that only admitted fans may call. */
@ApplicationScoped
public class QueueGate {
    private final QueueStore queue;
    private final QueueSettings settings;
    private final Clock clock;

    public QueueGate(QueueStore queue, QueueSettings settings, Clock clock) {
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    /** The caller's ticket for this token, whatever its status. */
    public QueueStore.View ownTicket(UserId userId, String rawToken) {
        return owned(userId, queue.find(parse(rawToken), clock.instant(), settings.defaultMaxActive()));
    }

    /**
     * {@link #ownTicket} without blocking: the stage fails with the same {@link QueueAccessDeniedException}
     * (possibly wrapped in a {@code CompletionException}, as stages do).
     */
    public CompletionStage<QueueStore.View> ownTicketLater(UserId userId, String rawToken) {
        QueueToken token;
        try {
            token = parse(rawToken);
        } catch (QueueAccessDeniedException e) {
            return CompletableFuture.failedFuture(e);
        }
        return queue.findLater(token, clock.instant(), settings.defaultMaxActive())
                .thenApply(found -> owned(userId, found));
    }

    /** Refuses the call unless the token is the caller's, ACTIVE, and for this concert. */
    public void requireAdmitted(UserId userId, String rawToken, long concertId) {
        Instant now = clock.instant();
        find(rawToken, now).ticket().requireAdmitted(userId, concertId, now);
    }

    private QueueStore.View find(String rawToken, Instant now) {
        return known(queue.find(parse(rawToken), now, settings.defaultMaxActive()));
    }

    private static QueueToken parse(String rawToken) {
        if (rawToken == null || rawToken.isEmpty()) {
            throw new QueueAccessDeniedException(Reason.MISSING);
        }
        if (!QueueToken.isWellFormed(rawToken)) {
            throw new QueueAccessDeniedException(Reason.UNKNOWN);
        }
        return new QueueToken(rawToken);
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
