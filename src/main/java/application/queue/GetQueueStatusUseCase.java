package application.queue;

import domain.shared.UserId;

public interface GetQueueStatusUseCase {
    /** The caller's own ticket as it stands now. */
    QueueStatusView status(UserId userId, String queueToken);
}
