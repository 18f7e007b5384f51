package adapters.rest;

import application.events.port.in.OutboxAdminUseCase;
import application.shared.Page;
import domain.event.OutboxStats;
import domain.event.StoredEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = ApiDocumentation.ADMIN)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class AdminOutboxResource {
    /** The parked events' list name inside its cursors. */
    private static final String PARKED = "parked-events";

    private final OutboxAdminUseCase outbox;
    private final Pagination pagination;

    public AdminOutboxResource(OutboxAdminUseCase outbox, Pagination pagination) {
        this.outbox = outbox;
        this.pagination = pagination;
    }

    @GET
    @Operation(
            operationId = "getOutbox",
            summary = "Read the outbox",
            description = "How many events wait, were delivered or are parked, and the oldest wait (docs/events.md).")
    @APIResponse(
            responseCode = "200",
            description = "The outbox",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = OutboxStatusResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
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
    @Operation(
            operationId = "listParkedEvents",
            summary = "List parked events",
            description = "Events the relay gave up on after events.relay.max-attempts, oldest first, a page at a "
                    + "time: when more follow, the Link header names the next page (rel=\"next\").")
    @APIResponse(
            responseCode = "200",
            description = "One page of parked events, oldest first",
            headers = @Header(name = ApiDocumentation.LINK, ref = ApiDocumentation.LINK),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ParkedEventResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response parked(
            @Parameter(ref = ApiDocumentation.LIMIT_PARAMETER) @QueryParam(Pagination.LIMIT) String limit,
            @Parameter(ref = ApiDocumentation.CURSOR_PARAMETER) @QueryParam(PageCursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        Page<StoredEvent> page = outbox.parked(pagination.request(PARKED, limit, cursor));
        return pagination.ok(
                page.items().stream().map(ParkedEventResponse::from).toList(), page, PARKED, uri);
    }

    @POST
    @Path("/{eventId}/retry")
    @Operation(
            operationId = "retryParkedEvent",
            summary = "Deliver a parked event again",
            description = "The event goes back to the relay's queue.")
    @APIResponse(responseCode = "202", description = "The event will be delivered again")
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No such parked event: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response retry(
            @Parameter(
                            description = "the parked event's id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("eventId")
                    String eventId) {
        outbox.retry(ReservationResource.uuidOrNotFound("parked event", eventId));
        return Response.accepted().build();
    }

    @Schema(name = "Outbox", description = "The outbox of events to the data platform")
    public record OutboxStatusResponse(
            @Schema(required = true, format = "int64", minimum = "0")
            long pending,

            @Schema(required = true, format = "int64", minimum = "0")
            long delivered,

            @Schema(required = true, format = "int64", minimum = "0")
            long parked,

            @Schema(required = true, format = "int64", minimum = "0")
            long oldestPendingAgeSeconds) {}

    @Schema(name = "ParkedEvent", description = "An event the relay gave up on")
    public record ParkedEventResponse(
            @Schema(required = true, format = "uuid") UUID id,

            @Schema(required = true, example = "reservation")
            String aggregateType,

            @Schema(required = true) String aggregateId,

            @Schema(required = true, example = "ReservationConfirmed")
            String type,

            @Schema(required = true) Instant occurredAt,

            @Schema(required = true, format = "int32", minimum = "0")
            int attempts,

            @Schema(nullable = true) String lastError,

            @Schema(required = true, description = "the event's body (docs/events.md)")
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
