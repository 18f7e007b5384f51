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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ApiDocumentation.CATALOGUE)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class ScheduleResource {
    private final ListSeatsUseCase listSeats;
    private final CurrentUser user;

    public ScheduleResource(ListSeatsUseCase listSeats, CurrentUser user) {
        this.listSeats = listSeats;
        this.user = user;
    }

    @GET
    @Path("/{scheduleId}/seats")
    @Operation(
            operationId = "listSeats",
            summary = "List a schedule's seats",
            description = "Every seat of the schedule with its price and status, ordered by number. A lapsed "
                    + "hold shows as AVAILABLE whether or not the cleanup job has run. Needs the caller's ACTIVE "
                    + "queue token of the schedule's concert.")
    @APIResponse(
            responseCode = "200",
            description = "The seats, by number",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = SeatResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.QUEUE_TOKEN_REFUSED)
    @APIResponse(
            responseCode = "404",
            description = "No such schedule: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public List<SeatResponse> seats(
            @Parameter(
                            description = "the schedule's id",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("scheduleId")
                    long scheduleId,
            @Parameter(ref = ApiDocumentation.QUEUE_TOKEN_PARAMETER) @HeaderParam(QueueResource.QUEUE_TOKEN)
                    String queueToken) {
        return listSeats.list(user.id(), queueToken, scheduleId).stream()
                .map(SeatResponse::from)
                .toList();
    }

    @Schema(name = "Seat", description = "A seat of a schedule")
    public record SeatResponse(
            @Schema(required = true, format = "int64", example = "1001")
            long id,

            @Schema(required = true, format = "int32", minimum = "1", example = "4")
            int number,

            @Schema(required = true, format = "int64", minimum = "1", description = "KRW", example = "42000")
            long price,

            @Schema(required = true) SeatStatus status) {
        static SeatResponse from(SeatView view) {
            return new SeatResponse(
                    view.seat().id(), view.seat().number(), view.seat().price().won(), view.status());
        }
    }
}
