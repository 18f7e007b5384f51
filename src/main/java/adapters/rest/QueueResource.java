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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/queue/token")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ApiDocumentation.QUEUE)
@SecurityRequirement(name = ApiDocumentation.BEARER)
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
    @Operation(
            operationId = "getQueueToken",
            summary = "Read the caller's place in the queue",
            description = "The token's current status, position and estimated wait. Poll it every second or two "
                    + "while WAITING; a WAITING fan who stops polling for queue.waiting-ttl leaves the line. "
                    + "Counted in rate-limit.queue-poll, per waiting room.")
    @APIResponse(
            responseCode = "200",
            description = "The token's current values",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = QueueTokenResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.QUEUE_TOKEN_REFUSED)
    @APIResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Uni<QueueTokenResponse> status(
            @Parameter(ref = ApiDocumentation.QUEUE_TOKEN_PARAMETER) @HeaderParam(QUEUE_TOKEN) String queueToken,
            @Context HttpServerRequest request) {
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
    @Operation(
            operationId = "leaveQueue",
            summary = "Leave the queue",
            description = "The caller leaves the line, or frees their ACTIVE slot at once.")
    @APIResponse(responseCode = "204", description = "The token has ended")
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.QUEUE_TOKEN_REFUSED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public void leave(
            @Parameter(ref = ApiDocumentation.QUEUE_TOKEN_PARAMETER) @HeaderParam(QUEUE_TOKEN) String queueToken) {
        leave.leave(user.id(), queueToken);
    }

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    @Schema(name = "QueueToken", description = "A fan's place in a concert's waiting room")
    public record QueueTokenResponse(
            @Schema(
                    required = true,
                    maxLength = 400,
                    description = "opaque; send it as the Queue-Token header",
                    example = "v1.AAAAAQ.x7Yz")
            String token,

            @Schema(required = true, format = "int64", example = "1")
            long concertId,

            @Schema(
                    required = true,
                    description = "WAITING, ACTIVE, or SOLD_OUT: nothing is left to sell (no seat free and none held); "
                            + "the fan keeps their place while polling and is WAITING again if seats come back")
            QueueStatus status,

            @Schema(
                    required = true,
                    nullable = true,
                    format = "int64",
                    minimum = "0",
                    description = "1-based among those waiting; 0 when ACTIVE; null in the pre-queue (before the sale "
                            + "opens) and when SOLD_OUT",
                    example = "17")
            Long position,

            @Schema(
                    required = true,
                    nullable = true,
                    format = "int64",
                    minimum = "0",
                    description = "null when position is null",
                    example = "30")
            Long estimatedWaitSeconds,

            @Schema(nullable = true, description = "when an ACTIVE token ends; null otherwise")
            Instant expiresAt,

            @Schema(
                    nullable = true,
                    description = "when the concert's sale opens (null: no on-sale time); a fan who entered before "
                            + "it has no position until then")
            Instant opensAt) {
        static QueueTokenResponse from(QueueStatusView view) {
            QueueTicket ticket = view.ticket();
            boolean placed = ticket.status() == QueueStatus.ACTIVE || ticket.hasPosition();
            return new QueueTokenResponse(
                    ticket.token().value(),
                    ticket.concertId(),
                    ticket.status(),
                    placed ? ticket.position() : null,
                    placed ? view.estimatedWaitSeconds() : null,
                    ticket.expiresAt(),
                    view.opensAt());
        }
    }
}
