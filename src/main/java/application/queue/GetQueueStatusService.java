package application.queue;

import application.port.QueueSettings;
import application.port.RateLimiter;
import domain.shared.UserId;
import java.util.List;
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
    public CompletionStage<QueueStatusView> status(
            UserId userId, String queueToken, List<RateLimiter.Bucket> limits) {
        return gate.ownTicketLater(userId, queueToken, limits)
                .thenApply(view -> QueueStatusView.of(view, settings.activeTtl()));
    }
}
