package application.queue.port.in;

import application.shared.RateLimit;
import domain.shared.UserId;
import java.util.List;
import java.util.concurrent.CompletionStage;

public interface GetQueueStatusUseCase {
    /**
     * The caller's own ticket as it stands now, when the store answers (the poll endpoint does not
     * block a thread on it); fails with {@code QueueAccessDeniedException} for a token that is not
     * the caller's or not live.
     */
    default CompletionStage<QueueStatusView> status(UserId userId, String queueToken) {
        return status(userId, queueToken, List.of());
    }

    /**
     * {@link #status(UserId, String)}, counted in the caller's rate-limit {@code limits} in the same
     * step of the queue store (one round trip, D30): over a limit it fails with
     * {@code RateLimitedException} and nothing is looked up.
     */
    CompletionStage<QueueStatusView> status(UserId userId, String queueToken, List<RateLimit> limits);
}
