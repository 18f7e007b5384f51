package adapters.rest;

import application.catalog.port.in.CreateConcertUseCase;
import application.queue.port.in.GetWaitingRoomUseCase;
import application.queue.port.in.SetWaitingRoomCapacityUseCase;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.queue.AdmissionPolicy;
import domain.queue.WaitingRoomStats;
import domain.shared.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

@Path("/api/v1/admin/concerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminConcertResource {
    private final CreateConcertUseCase createConcert;
    private final GetWaitingRoomUseCase getWaitingRoom;
    private final SetWaitingRoomCapacityUseCase setCapacity;

    public AdminConcertResource(
            CreateConcertUseCase createConcert,
            GetWaitingRoomUseCase getWaitingRoom,
            SetWaitingRoomCapacityUseCase setCapacity) {
        this.createConcert = createConcert;
        this.getWaitingRoom = getWaitingRoom;
        this.setCapacity = setCapacity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull(message = "a JSON body is required") CreateConcertRequest request) {
        Concert concert = createConcert.create(request.toPlan());
        return Response.created(URI.create("/api/v1/concerts/" + concert.id()))
                .entity(CreateConcertResponse.from(concert))
                .build();
    }

    @GET
    @Path("/{concertId}/queue")
    public QueueStatsResponse queue(@PathParam("concertId") long concertId) {
        return QueueStatsResponse.from(getWaitingRoom.stats(concertId));
    }

    @PUT
    @Path("/{concertId}/queue")
    @Consumes(MediaType.APPLICATION_JSON)
    public QueueStatsResponse setQueue(
            @PathParam("concertId") long concertId,
            @Valid @NotNull(message = "a JSON body is required") QueueCapacityRequest request) {
        return QueueStatsResponse.from(setCapacity.setMaxActive(concertId, request.maxActive()));
    }

    public record CreateConcertRequest(
            @NotBlank @Size(max = ConcertPlan.MAX_TITLE) String title,

            @NotNull @Size(min = 1, max = ConcertPlan.MAX_SCHEDULES)
            List<@Valid @NotNull ScheduleRequest> schedules) {
        ConcertPlan toPlan() {
            return new ConcertPlan(
                    title,
                    schedules.stream()
                            .map(s -> new ConcertPlan.SchedulePlan(s.startsAt(), s.seatCount(), Money.won(s.price())))
                            .toList());
        }
    }

    public record ScheduleRequest(
            @NotNull Instant startsAt,

            @NotNull @Min(1) @Max(ConcertPlan.SchedulePlan.MAX_SEATS)
            Integer seatCount,

            @NotNull @Min(1) @Max(ConcertPlan.SchedulePlan.MAX_PRICE)
            Long price) {}

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    public record CreateConcertResponse(long id, String title, List<ScheduleSummary> schedules) {
        static CreateConcertResponse from(Concert concert) {
            return new CreateConcertResponse(
                    concert.id(),
                    concert.title(),
                    concert.schedules().stream()
                            .map(s -> new ScheduleSummary(s.id(), s.startsAt()))
                            .toList());
        }
    }

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    public record ScheduleSummary(long id, Instant startsAt) {}

    public record QueueCapacityRequest(
            @NotNull @Min(0) @Max(AdmissionPolicy.LIMIT) Integer maxActive) {}

    public record QueueStatsResponse(long concertId, long waiting, long active, int maxActive) {
        static QueueStatsResponse from(WaitingRoomStats stats) {
            return new QueueStatsResponse(stats.concertId(), stats.waiting(), stats.active(), stats.maxActive());
        }
    }
}
