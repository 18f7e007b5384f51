package adapters.rest;

import application.queue.port.in.GetQueueStatusUseCase;
import application.queue.port.in.LeaveQueueUseCase;
import application.queue.port.in.QueueStatusView;
import application.shared.RateLimit;
import application.shared.RateLimitedException;
import domain.queue.QueueStatus;
import domain.queue.QueueTicket;
import domain.shared.UserId;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

@Path("/api/v1/queue/token")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class QueueResource {
    public static final String QUEUE_TOKEN = "Queue-Token";
    private static final String QUEUE_POLL = "queue-poll";

    private final GetQueueStatusUseCase getStatus;
    private final LeaveQueueUseCase leave;
    private final CurrentUser user;
    private final RateLimits rateLimits;

    public QueueResource(
            GetQueueStatusUseCase getStatus, LeaveQueueUseCase leave, CurrentUser user, RateLimits rateLimits) {
        this.getStatus = getStatus;
        this.leave = leave;
        this.user = user;
        this.rateLimits = rateLimits;
    }

    /**
     * On the event loop from request to response: the use case answers when Redis does (D19). The
     * call is counted in {@code rate-limit.queue-poll} by the lookup script itself, in the same round
     * trip (D30), so the method carries no {@link RateLimited}.
     */
    @GET
    public Uni<QueueTokenResponse> status(
            @HeaderParam(QUEUE_TOKEN) String queueToken, @Context HttpServerRequest request) {
        UserId caller = user.id();
        List<RateLimit> limits = rateLimits.forStore(QUEUE_POLL, caller.value(), request);
        return Unis.fromStage(() -> getStatus.status(caller, queueToken, limits))
                .onFailure(RateLimitedException.class)
                .invoke(limited -> rateLimits.refused(QUEUE_POLL, (RateLimitedException) limited))
                .map(QueueTokenResponse::from);
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
