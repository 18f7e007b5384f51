package adapters.rest;

import application.catalog.port.in.ListSeatsUseCase;
import application.catalog.port.in.SeatView;
import domain.concert.SeatStatus;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ScheduleResource {
    private final ListSeatsUseCase listSeats;
    private final CurrentUser user;

    public ScheduleResource(ListSeatsUseCase listSeats, CurrentUser user) {
        this.listSeats = listSeats;
        this.user = user;
    }

    @GET
    @Path("/{scheduleId}/seats")
    public List<SeatResponse> seats(
            @PathParam("scheduleId") long scheduleId, @HeaderParam(QueueResource.QUEUE_TOKEN) String queueToken) {
        return listSeats.list(user.id(), queueToken, scheduleId).stream()
                .map(SeatResponse::from)
                .toList();
    }

    public record SeatResponse(long id, int number, long price, SeatStatus status) {
        static SeatResponse from(SeatView view) {
            return new SeatResponse(
                    view.seat().id(), view.seat().number(), view.seat().price().won(), view.status());
        }
    }
}
