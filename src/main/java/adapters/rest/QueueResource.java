package adapters.rest;

import application.queue.GetQueueStatusUseCase;
import application.queue.LeaveQueueUseCase;
import application.queue.QueueStatusView;
import domain.queue.QueueStatus;
import domain.queue.QueueTicket;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

@Path("/api/v1/queue/token")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class QueueResource {
    public static final String QUEUE_TOKEN = "Queue-Token";

    private final GetQueueStatusUseCase getStatus;
    private final LeaveQueueUseCase leave;
    private final CurrentUser user;

    public QueueResource(GetQueueStatusUseCase getStatus, LeaveQueueUseCase leave, CurrentUser user) {
        this.getStatus = getStatus;
        this.leave = leave;
        this.user = user;
    }

    /** On the event loop from request to response: the use case answers when Redis does (D19). */
    @GET
    @RateLimited("queue-poll")
    public Uni<QueueTokenResponse> status(@HeaderParam(QUEUE_TOKEN) String queueToken) {
        return Unis.fromStage(() -> getStatus.status(user.id(), queueToken)).map(QueueTokenResponse::from);
    }

    // a virtual thread parks cheaply while Redis answers (docs/performance.md)
    @RunOnVirtualThread
    @DELETE
    public void leave(@HeaderParam(QUEUE_TOKEN) String queueToken) {
        leave.leave(user.id(), queueToken);
    }

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    public record QueueTokenResponse(
            String token,
            long concertId,
            QueueStatus status,
            long position,
            long estimatedWaitSeconds,
            Instant expiresAt) {
        static QueueTokenResponse from(QueueStatusView view) {
            QueueTicket ticket = view.ticket();
            return new QueueTokenResponse(
                    ticket.token().value(),
                    ticket.concertId(),
                    ticket.status(),
                    ticket.position(),
                    view.estimatedWaitSeconds(),
                    ticket.expiresAt());
        }
    }
}
