package adapters.rest;

import application.catalog.port.in.ListAvailableSchedulesUseCase;
import application.catalog.port.in.ListConcertsUseCase;
import application.queue.port.in.EnterQueueUseCase;
import application.shared.Page;
import application.shared.RateLimit;
import application.shared.RateLimitedException;
import domain.concert.Concert;
import domain.concert.ScheduleAvailability;
import domain.shared.UserId;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/concerts")
@Produces(MediaType.APPLICATION_JSON)
public class ConcertResource {
    private static final String QUEUE_ENTRY = "queue-entry";

    private final ListConcertsUseCase listConcerts;
    private final Pagination pagination;
    private final ListAvailableSchedulesUseCase listSchedules;
    private final EnterQueueUseCase enterQueue;
    private final CurrentUser user;
    private final RateLimits rateLimits;

    public ConcertResource(
            ListConcertsUseCase listConcerts,
            ListAvailableSchedulesUseCase listSchedules,
            EnterQueueUseCase enterQueue,
            CurrentUser user,
            RateLimits rateLimits,
            Pagination pagination) {
        this.pagination = pagination;
        this.listConcerts = listConcerts;
        this.listSchedules = listSchedules;
        this.enterQueue = enterQueue;
        this.user = user;
        this.rateLimits = rateLimits;
    }

    @GET
    @Tag(name = ApiDocumentation.CATALOGUE)
    @Operation(
            operationId = "listConcerts",
            summary = "List the concerts",
            description = "Every concert on sale, oldest first, a page at a time: when more follow, the Link "
                    + "header names the next page (rel=\"next\"); follow it until it is absent to read each "
                    + "concert exactly once. Anyone may call it: no bearer token is needed.")
    @APIResponse(
            responseCode = "200",
            description = "One page of concerts, oldest first",
            headers = @Header(name = ApiDocumentation.LINK, ref = ApiDocumentation.LINK),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ConcertResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response list(
            @Parameter(ref = ApiDocumentation.LIMIT_PARAMETER) @QueryParam(Pagination.LIMIT) String limit,
            @Parameter(ref = ApiDocumentation.CURSOR_PARAMETER) @QueryParam(PageCursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        Page<Concert> page = listConcerts.list(pagination.request(CONCERTS, limit, cursor));
        return pagination.ok(page.items().stream().map(ConcertResponse::from).toList(), page, CONCERTS, uri);
    }

    /** The concerts' list name inside its cursors. */
    private static final String CONCERTS = "concerts";

    /**
     * On the event loop from request to response: the use case answers when Redis does (D19). A fan
     * may present the token they held ({@code Queue-Token}) to get their place back after the queue
     * store lost it (D33). The call is counted in {@code rate-limit.queue-entry} by the entry script
     * itself, in the same round trip (D30), so the method carries no {@link RateLimited}.
     */
    @POST
    @Path("/{concertId}/queue/tokens")
    @Authenticated
    @Tag(name = ApiDocumentation.QUEUE)
    @SecurityRequirement(name = ApiDocumentation.BEARER)
    @Operation(
            operationId = "enterQueue",
            summary = "Enter a concert's waiting room",
            description = "Returns the caller's queue token: 201 when it is new, 200 with the same token when the "
                    + "caller is already queued. ACTIVE tokens may call the operations that take a Queue-Token "
                    + "header. A fan who presents the token they held gets their place back after the queue store "
                    + "lost it. Counted in rate-limit.queue-entry, per waiting room.")
    @APIResponse(
            responseCode = "201",
            description = "The caller entered the queue: a new token",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = QueueResource.QueueTokenResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "The caller was already queued (or got their place back): the same token",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = QueueResource.QueueTokenResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "403",
            description = "The presented Queue-Token is someone else's, another concert's, or not signed by this "
                    + "service: urn:concert-booking:problem:queue-token-not-yours, queue-token-other-concert, "
                    + "queue-token-unknown",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "404",
            description = "No such concert: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Uni<Response> enterQueue(
            @Parameter(
                            description = "the concert's id",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("concertId")
                    long concertId,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "optional: the token the caller held before, to get its place back",
                            schema = @Schema(type = SchemaType.STRING, maxLength = 400))
                    @HeaderParam(QueueResource.QUEUE_TOKEN)
                    String queueToken,
            @Context HttpServerRequest request) {
        UserId caller = user.id();
        List<RateLimit> limits = rateLimits.forStore(QUEUE_ENTRY, caller.value(), request);
        return Unis.fromStage(() -> enterQueue.enter(caller, concertId, queueToken, limits))
                .onFailure(RateLimitedException.class)
                .invoke(limited -> rateLimits.refused(QUEUE_ENTRY, (RateLimitedException) limited))
                .map(result -> Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(QueueResource.QueueTokenResponse.from(result.status()))
                        .build());
    }

    @GET
    @Path("/{concertId}/schedules")
    @Authenticated
    @Tag(name = ApiDocumentation.CATALOGUE)
    @SecurityRequirement(name = ApiDocumentation.BEARER)
    @Operation(
            operationId = "listSchedules",
            summary = "List a concert's schedules with seats left",
            description = "The concert's schedules still on sale (starting more than reservation.close-before from "
                    + "now) that have at least one available seat. Needs the caller's ACTIVE queue token of this "
                    + "concert.")
    @APIResponse(
            responseCode = "200",
            description = "The schedules, soonest first",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = ScheduleResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.QUEUE_TOKEN_REFUSED)
    @APIResponse(
            responseCode = "404",
            description = "No such concert: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public List<ScheduleResponse> schedules(
            @Parameter(
                            description = "the concert's id",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("concertId")
                    long concertId,
            @Parameter(ref = ApiDocumentation.QUEUE_TOKEN_PARAMETER) @HeaderParam(QueueResource.QUEUE_TOKEN)
                    String queueToken) {
        return listSchedules.list(user.id(), queueToken, concertId).stream()
                .map(ScheduleResponse::from)
                .toList();
    }

    @Schema(name = "Concert", description = "A concert on sale")
    public record ConcertResponse(
            @Schema(required = true, format = "int64", example = "1")
            long id,

            @Schema(required = true, example = "Spring concert")
            String title,

            @Schema(
                    nullable = true,
                    description = "when the sale opens: fans entering the waiting room before it wait in a pre-queue, "
                            + "shuffled once at this time; null: no on-sale time")
            Instant opensAt) {
        static ConcertResponse from(Concert concert) {
            return new ConcertResponse(concert.id(), concert.title(), concert.opensAt());
        }
    }

    @Schema(name = "Schedule", description = "A date of a concert with seats left")
    public record ScheduleResponse(
            @Schema(required = true, format = "int64", example = "10")
            long id,

            @Schema(
                    required = true,
                    description = "when the performance starts (UTC)",
                    example = "2031-05-01T19:00:00Z")
            Instant startsAt,

            @Schema(required = true, format = "int64", minimum = "1", example = "42")
            long availableSeats) {
        static ScheduleResponse from(ScheduleAvailability schedule) {
            return new ScheduleResponse(schedule.id(), schedule.startsAt(), schedule.availableSeats());
        }
    }
}
