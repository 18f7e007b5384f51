package application.queue;

import application.queue.port.in.GetQueueStatusUseCase;
import application.queue.port.in.QueueStatusView;
import application.queue.port.out.QueueSettings;
import application.shared.RateLimit;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
    public CompletionStage<QueueStatusView> status(UserId userId, String queueToken, List<RateLimit> limits) {
        return gate.ownTicketLater(userId, queueToken, limits)
                .thenApply(view -> QueueStatusViews.of(view, settings.activeTtl()));
    }
}
