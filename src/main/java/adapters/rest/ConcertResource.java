package adapters.rest;

import application.catalog.port.in.ListAvailableSchedulesUseCase;
import application.catalog.port.in.ListConcertsUseCase;
import application.queue.port.in.EnterQueueUseCase;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

@Path("/api/v1/concerts")
@Produces(MediaType.APPLICATION_JSON)
public class ConcertResource {
    private static final String QUEUE_ENTRY = "queue-entry";

    private final ListConcertsUseCase listConcerts;
    private final ListAvailableSchedulesUseCase listSchedules;
    private final EnterQueueUseCase enterQueue;
    private final CurrentUser user;
    private final RateLimits rateLimits;

    public ConcertResource(
            ListConcertsUseCase listConcerts,
            ListAvailableSchedulesUseCase listSchedules,
            EnterQueueUseCase enterQueue,
            CurrentUser user,
            RateLimits rateLimits) {
        this.listConcerts = listConcerts;
        this.listSchedules = listSchedules;
        this.enterQueue = enterQueue;
        this.user = user;
        this.rateLimits = rateLimits;
    }

    @GET
    public List<ConcertResponse> list() {
        return listConcerts.list().stream().map(ConcertResponse::from).toList();
    }

    /**
     * On the event loop from request to response: the use case answers when Redis does (D19). A fan
     * may present the token they held ({@code Queue-Token}) to get their place back after the queue
     * store lost it (D33). The call is counted in {@code rate-limit.queue-entry} by the entry script
     * itself, in the same round trip (D30), so the method carries no {@link RateLimited}.
     */
    @POST
    @Path("/{concertId}/queue/tokens")
    @Authenticated
    public Uni<Response> enterQueue(
            @PathParam("concertId") long concertId,
            @HeaderParam(QueueResource.QUEUE_TOKEN) String queueToken,
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
    public List<ScheduleResponse> schedules(
            @PathParam("concertId") long concertId, @HeaderParam(QueueResource.QUEUE_TOKEN) String queueToken) {
        return listSchedules.list(user.id(), queueToken, concertId).stream()
                .map(ScheduleResponse::from)
                .toList();
    }

    public record ConcertResponse(long id, String title) {
        static ConcertResponse from(Concert concert) {
            return new ConcertResponse(concert.id(), concert.title());
        }
    }

    public record ScheduleResponse(long id, Instant startsAt, long availableSeats) {
        static ScheduleResponse from(ScheduleAvailability schedule) {
            return new ScheduleResponse(schedule.id(), schedule.startsAt(), schedule.availableSeats());
        }
    }
}
