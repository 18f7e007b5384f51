package adapters.rest;

import application.booking.port.in.PayReservationUseCase;
import domain.payment.Payment;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

@Path("/api/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PaymentResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final PayReservationUseCase pay;
    private final CurrentUser user;
    private final WalletBulkhead wallets;

    public PaymentResource(PayReservationUseCase pay, CurrentUser user, WalletBulkhead wallets) {
        this.pay = pay;
        this.user = user;
        this.wallets = wallets;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited("payment")
    public Uni<Response> pay(
            @Valid @NotNull(message = "a JSON body is required") PaymentRequest request,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        UUID reservationId = ReservationResource.reservationId(request.reservationId());
        PayReservationUseCase.Command command =
                new PayReservationUseCase.Command(user.id(), reservationId, idempotencyKey);
        return Worker.run(() -> wallets.call(command.userId().value(), () -> pay.pay(command)))
                .map(result -> Response.status(Response.Status.CREATED)
                        .entity(PaymentResponse.from(result.payment()))
                        .header(REPLAYED, result.replayed())
                        .build());
    }

    public record PaymentRequest(
            @NotNull @Size(min = 1, max = 64) String reservationId) {}

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    public record PaymentResponse(UUID id, UUID reservationId, long amount, long balance) {
        static PaymentResponse from(Payment payment) {
            return new PaymentResponse(
                    payment.id(),
                    payment.reservationId(),
                    payment.amount().won(),
                    payment.balanceAfter().won());
        }
    }
}
