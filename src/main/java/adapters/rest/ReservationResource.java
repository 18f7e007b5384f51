package adapters.rest;

import application.booking.port.in.CancelReservationUseCase;
import application.booking.port.in.GetReservationUseCase;
import application.booking.port.in.HoldSeatUseCase;
import application.booking.port.in.ReservationView;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.NotFoundException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReservationResource {
    private final HoldSeatUseCase holdSeat;
    private final GetReservationUseCase getReservation;
    private final CancelReservationUseCase cancelReservation;
    private final CurrentUser user;

    public ReservationResource(
            HoldSeatUseCase holdSeat,
            GetReservationUseCase getReservation,
            CancelReservationUseCase cancelReservation,
            CurrentUser user) {
        this.holdSeat = holdSeat;
        this.getReservation = getReservation;
        this.cancelReservation = cancelReservation;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited("hold")
    public Uni<Response> hold(
            @Valid @NotNull(message = "a JSON body is required") HoldRequest request,
            @HeaderParam(QueueResource.QUEUE_TOKEN) String queueToken) {
        HoldSeatUseCase.Command command =
                new HoldSeatUseCase.Command(user.id(), queueToken, request.scheduleId(), request.seatNumber());
        return Worker.run(() -> holdSeat.hold(command))
                .map(view -> Response.created(URI.create(
                                "/api/v1/reservations/" + view.reservation().id()))
                        .entity(ReservationResponse.from(view))
                        .build());
    }

    @GET
    @Path("/{id}")
    public ReservationResponse get(@PathParam("id") String id) {
        return ReservationResponse.from(getReservation.get(user.id(), reservationId(id)));
    }

    @DELETE
    @Path("/{id}")
    public void cancel(@PathParam("id") String id) {
        cancelReservation.cancel(user.id(), reservationId(id));
    }

    /** Reservation ids are UUIDs; anything else names no reservation. */
    static UUID reservationId(String raw) {
        return uuidOrNotFound("reservation", raw);
    }

    /** Ids that are UUIDs: a path that does not parse names nothing, so 404. */
    static UUID uuidOrNotFound(String kind, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(kind, raw.length() > 64 ? raw.substring(0, 64) + "…" : raw);
        }
    }

    public record HoldRequest(
            @NotNull @Min(1) Long scheduleId,
            @NotNull @Min(1) @Max(100_000) Integer seatNumber) {}

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    public record ReservationResponse(
            UUID id, long scheduleId, int seatNumber, long price, ReservationStatus status, Instant expiresAt) {
        static ReservationResponse from(ReservationView view) {
            Reservation r = view.reservation();
            return new ReservationResponse(
                    r.id(), r.scheduleId(), r.seatNumber(), r.price().won(), view.status(), r.expiresAt());
        }
    }
}
