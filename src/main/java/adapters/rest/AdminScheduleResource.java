package adapters.rest;

import application.refund.port.in.CancelScheduleUseCase;
import application.refund.port.in.GetScheduleCancellationUseCase;
import domain.refund.ScheduleCancellation;
import domain.shared.NotFoundException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
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

/** The organiser cancels a schedule; the refund job's progress (D50). */
@Path("/api/v1/admin/schedules/{scheduleId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = ApiDocumentation.ADMIN)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class AdminScheduleResource {
    private final CancelScheduleUseCase cancel;
    private final GetScheduleCancellationUseCase progress;
    private final CurrentUser user;

    public AdminScheduleResource(
            CancelScheduleUseCase cancel, GetScheduleCancellationUseCase progress, CurrentUser user) {
        this.cancel = cancel;
        this.progress = progress;
        this.user = user;
    }

    @POST
    @Path("/cancel")
    @Operation(
            operationId = "cancelSchedule",
            summary = "Cancel a schedule and refund its seats",
            description = "The schedule is cancelled at once: it is no longer listed, and holds and payments of "
                    + "its seats answer 409 schedule-cancelled. A job then cancels its open holds and refunds "
                    + "every paid seat in full (no fee), resumable and exactly once per seat; the scheduler "
                    + "resumes it every refund.cancellation.every. Calling again returns the same cancellation. "
                    + "No body.")
    @APIResponse(
            responseCode = "202",
            description = "Cancelled; the refund job runs (its progress, also at the Location)",
            headers = @Header(name = ApiDocumentation.LOCATION, ref = ApiDocumentation.LOCATION),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = CancellationResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No such schedule: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Response cancel(
            @Parameter(
                            description = "the schedule's id",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("scheduleId")
                    String scheduleId) {
        long id = scheduleId(scheduleId);
        ScheduleCancellation cancellation = cancel.cancel(id, user.id().value());
        return Locations.at(
                        Response.accepted(CancellationResponse.from(cancellation)),
                        "/api/v1/admin/schedules/" + id + "/cancellation")
                .build();
    }

    @GET
    @Path("/cancellation")
    @Operation(
            operationId = "getScheduleCancellation",
            summary = "Progress of a schedule's cancellation",
            description = "RUNNING until every paid seat is refunded and every open hold cancelled, then "
                    + "COMPLETED. remaining counts the seats still paid now.")
    @APIResponse(
            responseCode = "200",
            description = "The cancellation and its refund job",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = CancellationResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocumentation.ADMIN_ONLY)
    @APIResponse(
            responseCode = "404",
            description = "No such schedule, or it was not cancelled: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public CancellationResponse cancellation(
            @Parameter(
                            description = "the schedule's id",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("scheduleId")
                    String scheduleId) {
        return CancellationResponse.from(progress.get(scheduleId(scheduleId)));
    }

    /** Schedule ids are positive whole numbers; anything else names no schedule. */
    private static long scheduleId(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new NotFoundException("schedule", raw.length() > 64 ? raw.substring(0, 64) + "…" : raw);
    }

    @RegisterForReflection
    @Schema(name = "ScheduleCancellation", description = "A cancelled schedule and the progress of its refund job")
    public record CancellationResponse(
            @Schema(required = true, format = "int64", example = "10")
            long scheduleId,

            @Schema(required = true, format = "uuid") UUID jobId,

            @Schema(
                    required = true,
                    enumeration = {"RUNNING", "COMPLETED"})
            String status,

            @Schema(required = true, format = "int64", minimum = "0", description = "paid seats when it was cancelled")
            long total,

            @Schema(required = true, format = "int64", minimum = "0", description = "seats the job refunded so far")
            long refunded,

            @Schema(required = true, format = "int64", minimum = "0", description = "seats still paid, to refund")
            long remaining,

            @Schema(required = true, format = "int64", minimum = "0", description = "open holds the job cancelled")
            long holdsCancelled,

            @Schema(required = true, description = "the admin who cancelled it (JWT sub)")
            String cancelledBy,

            @Schema(required = true, description = "when it was cancelled, UTC")
            Instant startedAt,

            @Schema(nullable = true, description = "when the job completed, UTC; null while RUNNING")
            Instant finishedAt) {
        static CancellationResponse from(ScheduleCancellation c) {
            return new CancellationResponse(
                    c.scheduleId(),
                    c.jobId(),
                    c.status().name(),
                    c.total(),
                    c.refunded(),
                    c.remaining(),
                    c.holdsCancelled(),
                    c.requestedBy(),
                    c.startedAt(),
                    c.finishedAt());
        }
    }
}
