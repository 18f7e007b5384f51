package adapters.rest;

import application.events.port.in.OutboxAdminUseCase;
import domain.event.OutboxStats;
import domain.event.StoredEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminOutboxResource {
    private static final int PARKED_LIMIT = 500;

    private final OutboxAdminUseCase outbox;

    public AdminOutboxResource(OutboxAdminUseCase outbox) {
        this.outbox = outbox;
    }

    @GET
    public OutboxStatusResponse status() {
        OutboxStats stats = outbox.stats();
        return new OutboxStatusResponse(
                stats.pending(),
                stats.delivered(),
                stats.parked(),
                stats.oldestPendingAge().toSeconds());
    }

    @GET
    @Path("/parked")
    public List<ParkedEventResponse> parked() {
        return outbox.parked(PARKED_LIMIT).stream()
                .map(ParkedEventResponse::from)
                .toList();
    }

    @POST
    @Path("/{eventId}/retry")
    public Response retry(@PathParam("eventId") String eventId) {
        outbox.retry(ReservationResource.uuidOrNotFound("parked event", eventId));
        return Response.accepted().build();
    }

    public record OutboxStatusResponse(long pending, long delivered, long parked, long oldestPendingAgeSeconds) {}

    public record ParkedEventResponse(
            UUID id,
            String aggregateType,
            String aggregateId,
            String type,
            Instant occurredAt,
            int attempts,
            String lastError,
            Map<String, Object> payload) {
        static ParkedEventResponse from(StoredEvent stored) {
            var e = stored.event();
            return new ParkedEventResponse(
                    e.id(),
                    e.aggregateType(),
                    e.aggregateId(),
                    e.type(),
                    e.occurredAt(),
                    stored.attempts(),
                    stored.lastError(),
                    e.payload());
        }
    }
}
