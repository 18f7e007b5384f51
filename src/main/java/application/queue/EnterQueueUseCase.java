package application.queue;

import domain.shared.UserId;

public interface EnterQueueUseCase {
    Result enter(UserId userId, long concertId);

    /** {@code created} is false when the fan was already in line and got the same token back. */
    record Result(QueueStatusView status, boolean created) {}
}
