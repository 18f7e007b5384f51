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
        QueueStore.View view = find(rawToken, clock.instant());
        view.ticket().requireOwnedBy(userId);
        return view;
    }

    /** Refuses the call unless the token is the caller's, ACTIVE, and for this concert. */
    public void requireAdmitted(UserId userId, String rawToken, long concertId) {
        Instant now = clock.instant();
        find(rawToken, now).ticket().requireAdmitted(userId, concertId, now);
    }

    private QueueStore.View find(String rawToken, Instant now) {
        if (rawToken == null || rawToken.isEmpty()) {
            throw new QueueAccessDeniedException(Reason.MISSING);
        }
        if (!QueueToken.isWellFormed(rawToken)) {
            throw new QueueAccessDeniedException(Reason.UNKNOWN);
        }
        return queue.find(new QueueToken(rawToken), now, settings.defaultMaxActive())
                .orElseThrow(() -> new QueueAccessDeniedException(Reason.UNKNOWN));
    }
}
