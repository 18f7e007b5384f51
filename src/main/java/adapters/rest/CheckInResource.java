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

/** The door: gate staff scan a ticket's code; the first scan lets the holder in, every later one is refused. */
@Path("/api/v1/check-ins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "admin"})
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
    public Uni<CheckInResponse> checkIn(@Valid @NotNull(message = "a JSON body is required") CheckInRequest request) {
        CheckInTicketUseCase.Command command =
                new CheckInTicketUseCase.Command(user.id(), request.code(), request.scheduleId());
        return Worker.run(() -> CheckInResponse.from(checkIn.checkIn(command).details()));
    }

    /** {@code scheduleId}: the show this gate admits to; a ticket for another is refused untouched. */
    public record CheckInRequest(
            @NotNull @Size(min = 1, max = 512) String code,
            @Min(1) Long scheduleId) {}

    @RegisterForReflection
    public record CheckInResponse(
            UUID ticketId,
            UUID reservationId,
            long concertId,
            long scheduleId,
            int seatNumber,
            Instant startsAt,
            TicketStatus status,
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
