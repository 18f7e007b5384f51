package adapters.rest;

import application.booking.port.in.PayReservationUseCase;
import application.booking.port.in.PayReservationsUseCase;
import domain.payment.Payment;
import domain.shared.InvalidValueException;
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
import java.util.List;
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

    /** The most reservations one payment request may name. */
    static final int MAX_RESERVATIONS = 100;

    private final PayReservationUseCase pay;
    private final PayReservationsUseCase payMany;
    private final CurrentUser user;
    private final WalletBulkhead wallets;

    public PaymentResource(
            PayReservationUseCase pay, PayReservationsUseCase payMany, CurrentUser user, WalletBulkhead wallets) {
        this.pay = pay;
        this.payMany = payMany;
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
                    + "answer again and changes nothing. Counted in rate-limit.payment (fails open). With "
                    + "reservationIds instead of reservationId, pays those reservations (1 … 100 of the caller's "
                    + "HELD ones) in one transaction with one wallet debit of their total: 201 with a PaymentGroup, "
                    + "or nothing is paid. A reservation of a schedule whose sale has closed is 409 sale-closed.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = PaymentRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Paid (or the stored answer to the same Idempotency-Key): a Payment, or a PaymentGroup "
                    + "for reservationIds",
            headers = @Header(name = ApiDocumentation.REPLAYED, ref = ApiDocumentation.REPLAYED),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema =
                                    @Schema(
                                            name = "PaymentResult",
                                            oneOf = {PaymentResponse.class, PaymentGroupResponse.class})))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "404",
            description = "No such reservation (or one of reservationIds), or not the caller's: "
                    + "urn:concert-booking:problem:not-found; nothing is paid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "The hold lapsed or the reservation (or one of reservationIds) is not HELD, the "
                    + "schedule's sale has closed, the balance is short, or the Idempotency-Key was used with "
                    + "another body: urn:concert-booking:problem:reservation-not-held, sale-closed, "
                    + "insufficient-balance, idempotency-key-reused; nothing changes",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.BOOKING_PROBLEM)))
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
        // an empty reservationIds counts as absent: generated clients send their empty lists
        boolean several =
                request.reservationIds() != null && !request.reservationIds().isEmpty();
        if ((request.reservationId() == null) != several) {
            throw new InvalidValueException("reservationIds", "give either reservationId or reservationIds");
        }
        if (several) {
            PayReservationsUseCase.Command many = new PayReservationsUseCase.Command(
                    user.id(),
                    request.reservationIds().stream()
                            .map(ReservationResource::reservationId)
                            .toList(),
                    idempotencyKey);
            return Worker.run(() -> wallets.call(many.userId().value(), () -> payMany.pay(many)))
                    .map(result -> Response.status(Response.Status.CREATED)
                            .entity(PaymentGroupResponse.from(result))
                            .header(REPLAYED, result.replayed())
                            .build());
        }
        UUID reservationId = ReservationResource.reservationId(request.reservationId());
        PayReservationUseCase.Command command =
                new PayReservationUseCase.Command(user.id(), reservationId, idempotencyKey);
        return Worker.run(() -> wallets.call(command.userId().value(), () -> pay.pay(command)))
                .map(result -> Response.status(Response.Status.CREATED)
                        .entity(PaymentResponse.from(result.payment()))
                        .header(REPLAYED, result.replayed())
                        .build());
    }

    @Schema(
            name = "PaymentRequest",
            description = "The reservation to pay (reservationId), or several paid together (reservationIds)")
    public record PaymentRequest(
            @Schema(
                    description = "a reservation id (a UUID) of the caller's; exactly one of reservationId, "
                            + "reservationIds",
                    example = "0b6f4f1d-2c3b-4c1e-9a57-3f1c2a9e8d1b")
            @Size(min = 1, max = 64)
            String reservationId,

            @Schema(
                    description = "1 … 100 distinct reservation ids of the caller's, paid all or none; exactly one "
                            + "of reservationId, reservationIds (empty counts as absent)")
            @Size(max = MAX_RESERVATIONS)
            List<@NotNull @Size(min = 1, max = 64) String> reservationIds) {}

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    @Schema(name = "PaymentGroup", description = "Reservations paid together: one wallet debit of their total")
    public record PaymentGroupResponse(
            @Schema(
                    required = true,
                    format = "uuid",
                    description = "shared by the payments; the Idempotency-Key " + "answers with it")
            UUID groupId,

            @Schema(required = true, format = "uuid", description = "the one PAYMENT entry of the wallet's ledger")
            UUID transactionId,

            @Schema(
                    required = true,
                    format = "int64",
                    minimum = "1",
                    description = "KRW debited: the sum of the " + "payments",
                    example = "168000")
            long amount,

            @Schema(required = true, format = "int64", minimum = "0", description = "the wallet's balance after it")
            long balance,

            @Schema(required = true, description = "one per reservation (its seat's price), by schedule and seat")
            List<PaymentResponse> payments) {
        static PaymentGroupResponse from(PayReservationsUseCase.Result result) {
            return new PaymentGroupResponse(
                    result.groupId(),
                    result.walletTransactionId(),
                    result.total().won(),
                    result.balanceAfter().won(),
                    result.payments().stream().map(PaymentResponse::from).toList());
        }
    }

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
