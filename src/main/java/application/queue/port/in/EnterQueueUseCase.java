package application.queue.port.in;

import application.shared.RateLimit;
import domain.shared.UserId;
import java.util.List;
import java.util.concurrent.CompletionStage;

public interface EnterQueueUseCase {
    /**
     * Puts the caller in the concert's line, or gives back the token they hold, when the stores
     * answer (the entry endpoint does not block a thread on them); fails with
     * {@code NotFoundException} for an unknown concert. A fan who presents the token they held
     * ({@code presentedToken}, may be null) gets their place back if the queue store lost it; a
     * presented token that is not theirs, not ours or for another concert is refused
     * ({@code QueueAccessDeniedException}).
     */
    default CompletionStage<Result> enter(UserId userId, long concertId, String presentedToken) {
        return enter(userId, concertId, presentedToken, List.of());
    }

    /**
     * {@link #enter(UserId, long, String)}, counted in the caller's rate-limit {@code limits} in the
     * same step of the queue store (one round trip, D30): over a limit it fails with
     * {@code RateLimitedException} and nothing changes.
     */
    CompletionStage<Result> enter(UserId userId, long concertId, String presentedToken, List<RateLimit> limits);

    /** {@code created} is false when the fan was already in line and got the same token back. */
    record Result(QueueStatusView status, boolean created) {}
}
