package application.queue;

import application.queue.port.in.LeaveQueueUseCase;
import application.queue.port.out.QueueStore;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LeaveQueueService implements LeaveQueueUseCase {
    private final QueueGate gate;
    private final QueueStore queue;

    public LeaveQueueService(QueueGate gate, QueueStore queue) {
        this.gate = gate;
        this.queue = queue;
    }

    @Override
    public void leave(UserId userId, String queueToken) {
        queue.release(gate.ownTicket(userId, queueToken).ticket().token());
    }
}
