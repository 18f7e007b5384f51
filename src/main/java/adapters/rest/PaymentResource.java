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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ApiDocumentation.PAYMENTS)
@SecurityRequirement(name = ApiDocumentation.BEARER)
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
    @Operation(
            operationId = "payReservation",
            summary = "Pay a held seat from the wallet",
            description = "The reservation becomes CONFIRMED, the seat SOLD, the wallet is debited once, and the "
                    + "caller's ACTIVE queue token of that concert is released (the hold proves admission, so no "
                    + "Queue-Token is needed). A repeat with the same Idempotency-Key and body returns the first "
                    + "answer again and changes nothing. Counted in rate-limit.payment (fails open).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = PaymentRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Paid (or the stored answer to the same Idempotency-Key)",
            headers = @Header(name = ApiDocumentation.REPLAYED, ref = ApiDocumentation.REPLAYED),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "404",
            description = "No such reservation, or not the caller's: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "The hold lapsed or the reservation is not HELD, the balance is short, or the "
                    + "Idempotency-Key was used with another body: urn:concert-booking:problem:"
                    + "reservation-not-held, insufficient-balance, idempotency-key-reused; nothing changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "413", ref = ApiDocumentation.BODY_TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocumentation.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(
            responseCode = "503",
            description = "Too many payments of this wallet are in progress, or a data store is unavailable: "
                    + "urn:concert-booking:problem:wallet-busy, dependency-unavailable; nothing was paid, retry "
                    + "after Retry-After with the same Idempotency-Key",
            headers = @Header(name = ApiDocumentation.RETRY_AFTER, ref = ApiDocumentation.RETRY_AFTER),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    public Uni<Response> pay(
            @Valid @NotNull(message = "a JSON body is required") PaymentRequest request,
            @Parameter(ref = ApiDocumentation.IDEMPOTENCY_KEY_PARAMETER) @HeaderParam(IDEMPOTENCY_KEY)
                    String idempotencyKey) {
        UUID reservationId = ReservationResource.reservationId(request.reservationId());
        PayReservationUseCase.Command command =
                new PayReservationUseCase.Command(user.id(), reservationId, idempotencyKey);
        return Worker.run(() -> wallets.call(command.userId().value(), () -> pay.pay(command)))
                .map(result -> Response.status(Response.Status.CREATED)
                        .entity(PaymentResponse.from(result.payment()))
                        .header(REPLAYED, result.replayed())
                        .build());
    }

    @Schema(name = "PaymentRequest", description = "The reservation to pay")
    public record PaymentRequest(
            @Schema(
                    description = "a reservation id (a UUID) of the caller's",
                    example = "0b6f4f1d-2c3b-4c1e-9a57-3f1c2a9e8d1b")
            @NotNull
            @Size(min = 1, max = 64)
            String reservationId) {}

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    @Schema(name = "Payment", description = "A paid reservation")
    public record PaymentResponse(
            @Schema(required = true, format = "uuid") UUID id,
            @Schema(required = true, format = "uuid") UUID reservationId,

            @Schema(required = true, format = "int64", minimum = "1", description = "KRW debited", example = "42000")
            long amount,

            @Schema(required = true, format = "int64", minimum = "0", description = "the wallet's balance after it")
            long balance) {
        static PaymentResponse from(Payment payment) {
            return new PaymentResponse(
                    payment.id(),
                    payment.reservationId(),
                    payment.amount().won(),
                    payment.balanceAfter().won());
        }
    }
}
