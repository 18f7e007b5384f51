package adapters.rest;

import application.ticketing.port.in.CheckInTicketUseCase;
import domain.ticket.Ticket;
import domain.ticket.TicketStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The door: gate staff scan a ticket's code; the first scan lets the holder in, every later one is refused. */
@Path("/api/v1/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "admin"})
@Tag(name = ApiDocumentation.TICKETS)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class CheckInResource {
    private final CheckInTicketUseCase checkIn;
    private final CurrentUser user;

    public CheckInResource(CheckInTicketUseCase checkIn, CurrentUser user) {
        this.checkIn = checkIn;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited("check-in")
    @Operation(
            operationId = "checkInTicket",
            summary = "Check a ticket in at the door",
            description = "Gate staff (groups staff or admin) scan a ticket's code: the first check-in of a ticket "
                    + "answers 200 and marks it CHECKED_IN; every later one is 409 ticket-already-used with the "
                    + "time of the first. Of any number of concurrent check-ins of one ticket, on any instance, "
                    + "exactly one gets 200. With scheduleId (the show this gate admits to), a ticket for another "
                    + "show is refused and stays usable. Counted in rate-limit.check-in (fails open).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = CheckInRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The holder may enter: the ticket is now CHECKED_IN",
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = CheckInResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "The request is invalid, or the code is malformed, altered or not signed by a key of "
                    + "this service: urn:concert-booking:problem:invalid-input, malformed-body, ticket-code-invalid; "
                    + "nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "403",
            description = "The caller is neither gate staff nor an admin (the token's groups lack staff and admin): "
                    + "urn:concert-booking:problem:forbidden",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "404",
            description = "A correctly signed code of a ticket this service does not have: "
                    + "urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "The ticket was already checked in (checkedInAt: the first time), was refunded, or is for "
                    + "another show than scheduleId (scheduleId: the ticket's; it stays usable): "
                    + "urn:concert-booking:problem:ticket-already-used, ticket-refunded, ticket-for-another-schedule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.TICKET_PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(responseCode = "503", ref = ApiDocumentation.UNAVAILABLE)
    public Uni<CheckInResponse> checkIn(@Valid @NotNull(message = "a JSON body is required") CheckInRequest request) {
        CheckInTicketUseCase.Command command =
                new CheckInTicketUseCase.Command(user.id(), request.code(), request.scheduleId());
        return Worker.run(() -> CheckInResponse.from(checkIn.checkIn(command).details()));
    }

    /** {@code scheduleId}: the show this gate admits to; a ticket for another is refused untouched. */
    @Schema(name = "CheckInRequest", description = "A scanned ticket code, and the show the gate admits to")
    public record CheckInRequest(
            @Schema(
                    description = "the ticket's code as scanned (from its QR code)",
                    example = ApiDocumentation.TICKET_CODE_EXAMPLE)
            @NotNull
            @Size(min = 1, max = 512)
            String code,

            @Schema(
                    format = "int64",
                    description = "the schedule this gate admits to; a ticket for another is refused, untouched",
                    example = "10")
            @Min(1)
            Long scheduleId) {}

    @RegisterForReflection
    @Schema(name = "CheckIn", description = "A ticket just checked in")
    public record CheckInResponse(
            @Schema(required = true, format = "uuid") UUID ticketId,
            @Schema(required = true, format = "uuid") UUID reservationId,

            @Schema(required = true, format = "int64", example = "1")
            long concertId,

            @Schema(required = true, format = "int64", example = "10")
            long scheduleId,

            @Schema(required = true, format = "int32", minimum = "1", example = "4")
            int seatNumber,

            @Schema(required = true, description = "when the show starts (UTC)")
            Instant startsAt,

            @Schema(required = true, description = "always CHECKED_IN")
            TicketStatus status,

            @Schema(required = true, description = "when it was checked in: now (UTC)")
            Instant checkedInAt) {
        static CheckInResponse from(domain.ticket.TicketDetails details) {
            Ticket t = details.ticket();
            return new CheckInResponse(
                    t.id(),
                    t.reservationId(),
                    t.concertId(),
                    t.scheduleId(),
                    t.seatNumber(),
                    details.startsAt(),
                    t.status(),
                    t.checkedInAt());
        }
    }
}
