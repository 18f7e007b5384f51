package application.queue;

import application.catalog.port.out.ConcertRepository;
import application.queue.port.in.GetQueueStatusUseCase;
import application.queue.port.in.QueueStatusView;
import application.queue.port.out.QueueSettings;
import application.shared.RateLimit;
import domain.concert.Concert;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class GetQueueStatusService implements GetQueueStatusUseCase {
    private final QueueGate gate;
    private final QueueSettings settings;
    private final ConcertRepository concerts;

    public GetQueueStatusService(QueueGate gate, QueueSettings settings, ConcertRepository concerts) {
        this.gate = gate;
        this.settings = settings;
        this.concerts = concerts;
    }

    /** With the concert's on-sale time as this instance saw it lately (a copy in memory, D52). */
    @Override
    public CompletionStage<QueueStatusView> status(UserId userId, String queueToken, List<RateLimit> limits) {
        return gate.ownTicketLater(userId, queueToken, limits)
                .thenCompose(view -> concerts.recentLater(view.ticket().concertId())
                        .thenApply(concert -> QueueStatusViews.of(
                                view,
                                settings.activeTtl(),
                                concert.map(Concert::opensAt).orElse(null))));
    }
}
