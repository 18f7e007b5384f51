package application.queue.port.in;

import domain.shared.UserId;

public interface LeaveQueueUseCase {
    /** The caller gives up their place in line or their active slot. */
    void leave(UserId userId, String queueToken);
}
