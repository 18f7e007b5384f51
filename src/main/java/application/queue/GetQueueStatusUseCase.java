package application.queue;

import domain.shared.UserId;
import java.util.concurrent.CompletionStage;

public interface GetQueueStatusUseCase {
    /**
     * The caller's own ticket as it stands now, when the store answers (the poll endpoint does not
     * block a thread on it); fails with {@code QueueAccessDeniedException} for a token that is not
     * the caller's or not live.
     */
    CompletionStage<QueueStatusView> status(UserId userId, String queueToken);
}
