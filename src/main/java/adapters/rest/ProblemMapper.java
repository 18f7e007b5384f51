package adapters.rest;

import application.shared.IdempotencyConflictException;
import application.shared.RateLimitedException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import domain.queue.QueueAccessDeniedException;
import domain.reservation.HoldLimitReachedException;
import domain.reservation.ReservationConflictException;
import domain.reservation.SeatUnavailableException;
import domain.shared.InvalidValueException;
import domain.shared.NotFoundException;
import domain.topup.PaymentAlreadyUsedException;
import domain.topup.PaymentDeclinedException;
import domain.topup.TopUpNotPendingException;
import domain.topup.TopUpOrderRefusedException;
import domain.wallet.InsufficientBalanceException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become {@code application/problem+json}. Clients never see class
 * names or stack traces; anything unexpected is logged here and answered with a bare 500.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(Problem.of(Status.NOT_FOUND, "not-found", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response queueDenied(QueueAccessDeniedException e, UriInfo uri) {
        String slug =
                "queue-token-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return respond(Problem.of(Status.FORBIDDEN, slug, e.getMessage()), uri);
    }

    /** For an order (several seats, D47) with {@code unavailableSeats}; for one seat a plain Problem as in v1. */
    @ServerExceptionMapper
    public Response seatUnavailable(SeatUnavailableException e, UriInfo uri) {
        if (!e.ofOrder()) {
            return respond(Problem.of(Status.CONFLICT, "seat-unavailable", e.getMessage()), uri);
        }
        return bookingProblem("seat-unavailable", e, uri, e.seatNumbers(), null, null);
    }

    /** The schedule's sale has closed (D48): which schedule, and when it closed. */
    @ServerExceptionMapper
    public Response saleClosed(domain.concert.SaleClosedException e, UriInfo uri) {
        return bookingProblem("sale-closed", e, uri, null, e.scheduleId(), e.closedAt());
    }

    private static Response bookingProblem(
            String slug,
            Exception e,
            UriInfo uri,
            List<Integer> unavailableSeats,
            Long scheduleId,
            java.time.Instant closedAt) {
        Problem problem = Problem.of(Status.CONFLICT, slug, e.getMessage());
        return Response.status(Status.CONFLICT)
                .type(Problem.MEDIA_TYPE)
                .entity(new BookingProblem(
                        problem.type(),
                        problem.title(),
                        problem.status(),
                        problem.detail(),
                        uri.getPath(),
                        unavailableSeats,
                        scheduleId,
                        closedAt))
                .build();
    }

    /** A {@link Problem} with what a booking needs to know about the refusal (RFC 9457 extension members). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    @Schema(
            name = ApiDocumentation.BOOKING_PROBLEM,
            description = "A Problem (type urn:concert-booking:problem:seat-unavailable for a hold of several "
                    + "seats, or sale-closed) with the seats that were not available or the closed sale as "
                    + "extension members")
    public record BookingProblem(
            @Schema(required = true, format = "uri", example = "urn:concert-booking:problem:seat-unavailable")
            URI type,

            @Schema(required = true, example = "Conflict") String title,
            @Schema(required = true, example = "409") int status,
            @Schema(required = true) String detail,
            @Schema(description = "the request path") String instance,

            @Schema(
                    description = "seat-unavailable of a several-seat hold: the seats held by someone else or "
                            + "sold, ascending; no seat of the order was held",
                    example = "[3, 4]")
            List<Integer> unavailableSeats,

            @Schema(format = "int64", description = "sale-closed: the schedule", example = "10")
            Long scheduleId,

            @Schema(description = "sale-closed: when its sale closed (its start less reservation.close-before), UTC")
            java.time.Instant closedAt) {}

    @ServerExceptionMapper
    public Response saleOpeningFixed(domain.queue.SaleOpeningLockedException e, UriInfo uri) {
        return respond(Problem.of(Status.CONFLICT, "sale-opening-fixed", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response holdLimitReached(HoldLimitReachedException e, UriInfo uri) {
        return respond(Problem.of(Status.CONFLICT, "hold-limit-reached", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response reservationConflict(ReservationConflictException e, UriInfo uri) {
        return respond(Problem.of(Status.CONFLICT, "reservation-not-held", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response insufficientBalance(InsufficientBalanceException e, UriInfo uri) {
        return respond(Problem.of(Status.CONFLICT, "insufficient-balance", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response idempotencyConflict(IdempotencyConflictException e, UriInfo uri) {
        return respond(Problem.of(Status.CONFLICT, "idempotency-key-reused", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response paymentAlreadyUsed(PaymentAlreadyUsedException e, UriInfo uri) {
        return respond(Problem.of(Status.CONFLICT, "payment-already-used", e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response topUpNotPending(TopUpNotPendingException e, UriInfo uri) {
        return respond(Problem.of(Status.CONFLICT, "top-up-not-pending", e.getMessage()), uri);
    }

    /** A top-up order that cannot take the charge (used, expired, other amount) or one too many open. */
    @ServerExceptionMapper
    public Response topUpOrderRefused(TopUpOrderRefusedException e, UriInfo uri) {
        String slug =
                "top-up-order-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return respond(Problem.of(Status.CONFLICT, slug, e.getMessage()), uri);
    }

    // --- refunds and cancelled schedules (docs/api.md) ---

    /** refund-not-paid, refund-already-refunded, refund-cutoff-passed, refund-ticket-used. */
    @ServerExceptionMapper
    public Response refundRefused(domain.reservation.RefundRefusedException e, UriInfo uri) {
        String slug = "refund-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return respond(Problem.of(Status.CONFLICT, slug, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response scheduleCancelled(domain.concert.ScheduleCancelledException e, UriInfo uri) {
        return respond(Problem.of(Status.CONFLICT, "schedule-cancelled", e.getMessage()), uri);
    }

    // --- end of refunds ---

    /** 422 with the PG's own code and message as extension members (RFC 9457 §3.2). */
    @ServerExceptionMapper
    public Response paymentDeclined(PaymentDeclinedException e, UriInfo uri) {
        Problem problem = Problem.of(422, "Unprocessable Content", "payment-declined", e.getMessage());
        return Response.status(422)
                .type(Problem.MEDIA_TYPE)
                .entity(new PaymentDeclinedProblem(
                        problem.type(),
                        problem.title(),
                        problem.status(),
                        problem.detail(),
                        uri.getPath(),
                        e.topUpId(),
                        e.status().name(),
                        e.code(),
                        e.pgMessage()))
                .build();
    }

    /** A {@link Problem} with the top-up and the PG's verdict. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    @Schema(
            name = "PaymentDeclinedProblem",
            description = "A Problem (type urn:concert-booking:problem:payment-declined) with the top-up and the "
                    + "gateway's verdict as extension members")
    public record PaymentDeclinedProblem(
            @Schema(required = true, format = "uri", example = "urn:concert-booking:problem:payment-declined")
            URI type,

            @Schema(required = true, example = "Unprocessable Content")
            String title,

            @Schema(required = true, example = "422") int status,
            @Schema(required = true) String detail,
            @Schema(description = "the request path") String instance,

            @Schema(format = "uuid", description = "the declined top-up")
            UUID topUpId,

            @Schema(description = "the top-up's status", example = "DECLINED")
            String topUpStatus,

            @Schema(description = "the gateway's code", example = "REJECT_CARD_COMPANY")
            String code,

            @Schema(description = "the gateway's message") String message) {}

    // --- the box office (D61) ---

    @ServerExceptionMapper
    public Response approvalAlreadyUsed(domain.payment.ApprovalAlreadyRecordedException e, UriInfo uri) {
        return respond(Problem.of(Status.CONFLICT, "card-approval-already-used", e.getMessage()), uri);
    }

    /** 422: the terminal approved another amount than the seats cost; both amounts as extension members. */
    @ServerExceptionMapper
    public Response cardAmountMismatch(domain.payment.CardAmountMismatchException e, UriInfo uri) {
        Problem problem = Problem.of(422, "Unprocessable Content", "card-amount-mismatch", e.getMessage());
        return Response.status(422)
                .type(Problem.MEDIA_TYPE)
                .entity(new CardAmountProblem(
                        problem.type(),
                        problem.title(),
                        problem.status(),
                        problem.detail(),
                        uri.getPath(),
                        e.approved().won(),
                        e.price().won()))
                .build();
    }

    /** A {@link Problem} with the approved amount and the seats' price sum. */
    @RegisterForReflection
    @Schema(
            name = "CardAmountProblem",
            description = "A Problem (type urn:concert-booking:problem:card-amount-mismatch) with the terminal's "
                    + "approved amount and the seats' price sum as extension members")
    public record CardAmountProblem(
            @Schema(required = true, format = "uri", example = "urn:concert-booking:problem:card-amount-mismatch")
            URI type,

            @Schema(required = true, example = "Unprocessable Content")
            String title,

            @Schema(required = true, example = "422") int status,
            @Schema(required = true) String detail,
            @Schema(description = "the request path") String instance,

            @Schema(required = true, format = "int64", description = "KRW the terminal approved", example = "80000")
            long approvedAmount,

            @Schema(required = true, format = "int64", description = "KRW the seats cost", example = "84000")
            long price) {}

    // --- tickets and check-in: the holder's ticket, the door (docs/api.md) ---

    @ServerExceptionMapper
    public Response ticketCodeInvalid(domain.ticket.TicketCodeInvalidException e, UriInfo uri) {
        return respond(Problem.of(Status.BAD_REQUEST, "ticket-code-invalid", e.getMessage()), uri);
    }

    /** 409 with {@code checkedInAt}, when the ticket was used (RFC 9457 §3.2 extension members). */
    @ServerExceptionMapper
    public Response ticketAlreadyUsed(domain.ticket.TicketAlreadyUsedException e, UriInfo uri) {
        return ticketProblem(
                Status.CONFLICT,
                "ticket-already-used",
                e,
                uri,
                new TicketFacts(e.ticketId(), e.checkedInAt(), null, null));
    }

    @ServerExceptionMapper
    public Response ticketRefunded(domain.ticket.TicketRefundedException e, UriInfo uri) {
        return ticketProblem(
                Status.CONFLICT, "ticket-refunded", e, uri, new TicketFacts(e.ticketId(), null, null, null));
    }

    @ServerExceptionMapper
    public Response ticketForAnotherSchedule(domain.ticket.TicketForAnotherScheduleException e, UriInfo uri) {
        return ticketProblem(
                Status.CONFLICT,
                "ticket-for-another-schedule",
                e,
                uri,
                new TicketFacts(e.ticketId(), null, e.ticketScheduleId(), null));
    }

    /** 409 with the reservation's status: only a paid reservation has a ticket. */
    @ServerExceptionMapper
    public Response ticketNotIssued(domain.ticket.TicketNotIssuedException e, UriInfo uri) {
        return ticketProblem(
                Status.CONFLICT,
                "ticket-not-issued",
                e,
                uri,
                new TicketFacts(null, null, null, e.status().name()));
    }

    @ServerExceptionMapper
    public Response ticketFormatNotAcceptable(TicketResource.NotAcceptableFormatException e, UriInfo uri) {
        return respond(Problem.of(Status.NOT_ACCEPTABLE, "not-acceptable", e.getMessage()), uri);
    }

    private static Response ticketProblem(Status status, String slug, Exception e, UriInfo uri, TicketFacts facts) {
        Problem problem = Problem.of(status, slug, e.getMessage());
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new TicketProblem(
                        problem.type(),
                        problem.title(),
                        problem.status(),
                        problem.detail(),
                        uri.getPath(),
                        facts.ticketId(),
                        facts.checkedInAt(),
                        facts.scheduleId(),
                        facts.reservationStatus()))
                .build();
    }

    private record TicketFacts(
            UUID ticketId, java.time.Instant checkedInAt, Long scheduleId, String reservationStatus) {}

    /** A {@link Problem} with what the gate or the holder needs to know about the ticket. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    @Schema(
            name = ApiDocumentation.TICKET_PROBLEM,
            description = "A Problem (type urn:concert-booking:problem:ticket-already-used, ticket-refunded, "
                    + "ticket-for-another-schedule or ticket-not-issued) with what the gate or the holder needs "
                    + "to know as extension members")
    public record TicketProblem(
            @Schema(required = true, format = "uri", example = "urn:concert-booking:problem:ticket-already-used")
            URI type,

            @Schema(required = true, example = "Conflict") String title,
            @Schema(required = true, example = "409") int status,
            @Schema(required = true) String detail,
            @Schema(description = "the request path") String instance,

            @Schema(
                    format = "uuid",
                    description = "the ticket (ticket-already-used, ticket-refunded, ticket-for-another-schedule)")
            UUID ticketId,

            @Schema(description = "when the ticket was first checked in, UTC (ticket-already-used)")
            java.time.Instant checkedInAt,

            @Schema(
                    format = "int64",
                    description = "the ticket's schedule (ticket-for-another-schedule)",
                    example = "10")
            Long scheduleId,

            @Schema(
                    description = "the reservation's status: HELD, EXPIRED or CANCELLED (ticket-not-issued)",
                    example = "HELD")
            String reservationStatus) {}

    // --- end of tickets and check-in ---

    @ServerExceptionMapper
    public Response invalidValue(InvalidValueException e, UriInfo uri) {
        return respond(
                Problem.of(Status.BAD_REQUEST, "invalid-input", e.getMessage())
                        .withErrors(List.of(new Problem.FieldError(e.field(), e.getMessage()))),
                uri);
    }

    /** Named so that it outranks Hibernate Validator's own mapper for this subtype. */
    @ServerExceptionMapper
    public Response violation(ResteasyReactiveViolationException e, UriInfo uri) {
        return constraintViolation(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(Status.BAD_REQUEST, "invalid-input", detail).withErrors(errors), uri);
    }

    /** Named so that it outranks the JSON provider's own mapper for this subtype. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String detail;
        if (e instanceof JsonParseException) {
            detail = "the body is not valid JSON";
        } else if (e instanceof InputCoercionException) {
            detail = "a number is out of range";
        } else if (e instanceof JsonConfig.UnstorableTextException text) {
            String field = path(text);
            String message = "contains a character that cannot be stored (U+0000 or half of a surrogate pair)";
            return respond(
                    Problem.of(Status.BAD_REQUEST, "invalid-input", "'" + field + "' " + message)
                            .withErrors(List.of(new Problem.FieldError(field, message))),
                    uri);
        } else if (e instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            detail = "'" + field + "' has the wrong type or is out of range";
            return respond(
                    Problem.of(Status.BAD_REQUEST, "malformed-body", detail)
                            .withErrors(List.of(new Problem.FieldError(field, "wrong type or out of range"))),
                    uri);
        } else {
            detail = "the body does not match the expected shape";
        }
        return respond(Problem.of(Status.BAD_REQUEST, "malformed-body", detail), uri);
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        Status known = Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed here";
            case 406 -> "this resource answers application/json only";
            case 415 -> "send the body as application/json";
            case 400 -> "the request is malformed";
            default -> title;
        };
        Response.ResponseBuilder builder =
                Problem.of(status, title, null, detail).at(uri.getPath()).toResponse();
        if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Problem.of(Status.UNAUTHORIZED, "unauthorized", "a valid bearer token is required")
                .at(uri.getPath())
                .toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(Status.FORBIDDEN, "forbidden", "the token's groups do not allow this call"), uri);
    }

    @ServerExceptionMapper
    public Response walletBusy(WalletBulkhead.WalletBusyException e, UriInfo uri) {
        return retryLater("wallet-busy", e.getMessage() + "; retry shortly", uri);
    }

    /** A feature this deployment has not set up (D68): 409, no Retry-After, never counted as an outage. */
    @ServerExceptionMapper
    public Response notConfigured(application.shared.NotConfiguredException e, UriInfo uri) {
        return respond(Problem.of(Status.CONFLICT, e.slug(), e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e, UriInfo uri) {
        return tooManyRequests(e, uri.getPath());
    }

    /** 429 with Retry-After in whole seconds, rounded up: nothing was done. */
    static Response tooManyRequests(RateLimitedException e, String path) {
        return Problem.of(429, "Too Many Requests", "rate-limited", e.getMessage())
                .at(path)
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DependencyFailure.isIncompleteBody(e)) {
            // the client stalled or left mid-body: 408 and close (RFC 9110 §15.5.9), not an outage (D67)
            LOG.debugf("incomplete request body at %s: %s", uri.getPath(), e.toString());
            return Problem.of(408, "Request Timeout", "request-timeout", "the request body did not arrive in time")
                    .at(uri.getPath())
                    .toResponse()
                    .header("Connection", "close")
                    .build();
        }
        if (DependencyFailure.isOutage(e)) {
            LOG.warnf("dependency unavailable at %s: %s", uri.getPath(), e.toString());
            return retryLater("dependency-unavailable", "a data store is unavailable; retry shortly", uri);
        }
        LOG.errorf(e, "unexpected failure at %s", uri.getPath());
        return respond(Problem.of(Status.INTERNAL_SERVER_ERROR, null, "an unexpected error occurred"), uri);
    }

    /** 503 with Retry-After: nothing was done, the same request may succeed shortly. */
    private static Response retryLater(String slug, String detail, UriInfo uri) {
        return Problem.of(Status.SERVICE_UNAVAILABLE, slug, detail)
                .at(uri.getPath())
                .toResponse()
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return problem.at(uri.getPath()).toResponse().build();
    }

    private static String field(ConstraintViolation<?> violation) {
        // "create.request.schedules[0].seatCount" → "schedules[0].seatCount"
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
