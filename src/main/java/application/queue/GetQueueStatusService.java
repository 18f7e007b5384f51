package application.queue;

import application.port.QueueSettings;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class GetQueueStatusService implements GetQueueStatusUseCase {
    private final QueueGate gate;
    private final QueueSettings settings;

    public GetQueueStatusService(QueueGate gate, QueueSettings settings) {
        this.gate = gate;
        this.settings = settings;
    }

    @Override
    public QueueStatusView status(UserId userId, String queueToken) {
        return QueueStatusView.of(gate.ownTicket(userId, queueToken), settings.activeTtl());
    }
}
