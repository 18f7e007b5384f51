package adapters.rest;

import application.refund.port.in.RefundReservationUseCase;
import domain.refund.Refund;
import domain.refund.RefundReason;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
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

/** The owner gives a paid seat back (D49). */
@Path("/api/v1/reservations/{id}/refund")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = ApiDocumentation.RESERVATIONS)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class RefundResource {
    private final RefundReservationUseCase refund;
    private final CurrentUser user;
    private final WalletBulkhead wallets;

    public RefundResource(RefundReservationUseCase refund, CurrentUser user, WalletBulkhead wallets) {
        this.refund = refund;
        this.user = user;
        this.wallets = wallets;
    }

    @POST
    @RateLimited("payment")
    @Operation(
            operationId = "refundReservation",
            summary = "Refund a paid seat",
            description = "Until refund.cutoff before the show: the reservation becomes REFUNDED, the wallet is "
                    + "credited the price less refund.fee-percent (a REFUND ledger entry), the seat is AVAILABLE "
                    + "again and the ticket VOID, in one transaction. A repeat with the same Idempotency-Key "
                    + "returns the first answer again and changes nothing; each seat is refunded at most once. "
                    + "No body. Counted in rate-limit.payment (fails open).")
    @APIResponse(
            responseCode = "201",
            description = "Refunded (or the stored answer to the same Idempotency-Key)",
            headers = @Header(name = ApiDocumentation.REPLAYED, ref = ApiDocumentation.REPLAYED),
            content =
                    @Content(
                            mediaType = ApiDocumentation.JSON,
                            schema = @Schema(implementation = RefundResponse.class)))
    @APIResponse(responseCode = "400", ref = ApiDocumentation.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocumentation.UNAUTHORIZED)
    @APIResponse(
            responseCode = "404",
            description = "No such reservation, or not the caller's: urn:concert-booking:problem:not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(
            responseCode = "409",
            description = "Nothing is refunded: the reservation is not paid, or already refunded (also with "
                    + "another Idempotency-Key), the refund period ended (refund.cutoff before the show), its "
                    + "ticket was used, its schedule was cancelled (the cancellation refunds it in full), or "
                    + "the Idempotency-Key was used for another reservation: urn:concert-booking:problem:"
                    + "refund-not-paid, refund-already-refunded, refund-cutoff-passed, refund-ticket-used, "
                    + "schedule-cancelled, idempotency-key-reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    @APIResponse(responseCode = "429", ref = ApiDocumentation.RATE_LIMITED)
    @APIResponse(responseCode = "500", ref = ApiDocumentation.SERVER_ERROR)
    @APIResponse(
            responseCode = "503",
            description = "Too many wallet operations of this user are in progress, or a data store is "
                    + "unavailable: urn:concert-booking:problem:wallet-busy, dependency-unavailable; nothing "
                    + "was refunded, retry after Retry-After with the same Idempotency-Key",
            headers = @Header(name = ApiDocumentation.RETRY_AFTER, ref = ApiDocumentation.RETRY_AFTER),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = ApiDocumentation.PROBLEM)))
    public Uni<Response> refund(
            @Parameter(
                            description = "the reservation's id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("id")
                    String id,
            @Parameter(ref = ApiDocumentation.IDEMPOTENCY_KEY_PARAMETER) @HeaderParam(PaymentResource.IDEMPOTENCY_KEY)
                    String idempotencyKey) {
        UUID reservationId = ReservationResource.reservationId(id);
        RefundReservationUseCase.Command command =
                new RefundReservationUseCase.Command(user.id(), reservationId, idempotencyKey);
        return Worker.run(() -> wallets.call(command.userId().value(), () -> refund.refund(command)))
                .map(result -> Response.status(Response.Status.CREATED)
                        .entity(RefundResponse.from(result.refund()))
                        .header(PaymentResource.REPLAYED, result.replayed())
                        .build());
    }

    /** Returned inside a {@code Response}, so registered for reflection explicitly (native image). */
    @RegisterForReflection
    @Schema(name = "Refund", description = "A refunded seat")
    public record RefundResponse(
            @Schema(required = true, format = "uuid") UUID id,
            @Schema(required = true, format = "uuid") UUID reservationId,

            @Schema(
                    required = true,
                    format = "int64",
                    minimum = "0",
                    description = "KRW credited back",
                    example = "42000")
            long amount,

            @Schema(
                    required = true,
                    format = "int64",
                    minimum = "0",
                    description = "KRW kept (refund.fee-percent)",
                    example = "0")
            long fee,

            @Schema(required = true, description = "OWNER, or SCHEDULE_CANCELLED")
            RefundReason reason,

            @Schema(required = true, description = "UTC") Instant refundedAt,

            @Schema(
                    nullable = true,
                    format = "uuid",
                    description =
                            "the REFUND ledger entry (GET /api/v1/wallet/transactions); null when the amount is 0")
            UUID walletTransactionId) {
        static RefundResponse from(Refund refund) {
            return new RefundResponse(
                    refund.id(),
                    refund.reservationId(),
                    refund.amount().won(),
                    refund.fee().won(),
                    refund.reason(),
                    refund.refundedAt(),
                    refund.walletTransactionId());
        }
    }
}
