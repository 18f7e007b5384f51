package application.queue;

import application.port.QueueSettings;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class GetQueueStatusService implements GetQueueStatusUseCase {
    private final QueueGate gate;
    private final QueueSettings settings;

    public GetQueueStatusService(QueueGate gate, QueueSettings settings) {
        this.gate = gate;
        this.settings = settings;
    }

    @Override
    public CompletionStage<QueueStatusView> status(UserId userId, String queueToken) {
        return gate.ownTicketLater(userId, queueToken)
                .thenApply(view -> QueueStatusView.of(view, settings.activeTtl()));
    }
}
