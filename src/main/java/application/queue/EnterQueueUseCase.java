package application.queue;

import domain.shared.UserId;
import java.util.concurrent.CompletionStage;

public interface EnterQueueUseCase {
    /**
     * Puts the caller in the concert's line, or gives back the token they hold, when the stores
     * answer (the entry endpoint does not block a thread on them); fails with
     * {@code NotFoundException} for an unknown concert.
     */
    CompletionStage<Result> enter(UserId userId, long concertId);

    /** {@code created} is false when the fan was already in line and got the same token back. */
    record Result(QueueStatusView status, boolean created) {}
}
