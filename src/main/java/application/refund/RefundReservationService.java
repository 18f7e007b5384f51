package application.refund;

import application.booking.port.out.ReservationRepository;
import application.refund.port.in.RefundReservationUseCase;
import application.refund.port.out.RefundStore;
import application.refund.port.out.ScheduleCancellations;
import application.shared.IdempotencyKey;
import application.shared.port.out.IdempotencyStore;
import application.ticketing.port.out.TicketStore;
import domain.concert.ScheduleCancelledException;
import domain.refund.Refund;
import domain.reservation.RefundRefusedException;
import domain.reservation.Reservation;
import domain.shared.NotFoundException;
import domain.ticket.TicketDetails;
import domain.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner's refund (D49), once per Idempotency-Key, in one transaction: the checks in the order a
 * fan would want them explained (is it mine, is it paid, is it still time, was the ticket used),
 * then {@link RefundSteps}. A schedule the organiser cancelled is refunded in full by its job; the
 * owner is told so rather than charged the fee.
 */
@ApplicationScoped
public class RefundReservationService implements RefundReservationUseCase {
    static final String OPERATION = "refund";

    private final ReservationRepository reservations;
    private final TicketStore tickets;
    private final RefundStore refunds;
    private final ScheduleCancellations cancellations;
    private final IdempotencyStore idempotency;
    private final RefundSteps steps;
    private final RefundSettings settings;
    private final Clock clock;

    public RefundReservationService(
            ReservationRepository reservations,
            TicketStore tickets,
            RefundStore refunds,
            ScheduleCancellations cancellations,
            IdempotencyStore idempotency,
            RefundSteps steps,
            RefundSettings settings,
            Clock clock) {
        this.reservations = reservations;
        this.tickets = tickets;
        this.refunds = refunds;
        this.cancellations = cancellations;
        this.idempotency = idempotency;
        this.steps = steps;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Result refund(Command command) {
        IdempotencyKey key = new IdempotencyKey(command.userId(), OPERATION, command.idempotencyKey());
        Instant now = clock.instant();
        Optional<UUID> answered = idempotency.claim(key, "reservation=" + command.reservationId(), now);
        if (answered.isPresent()) {
            return new Result(refunds.findById(answered.get()).orElseThrow(), true);
        }

        Reservation paid = reservations
                .findById(command.reservationId())
                .orElseThrow(() -> new NotFoundException("reservation", command.reservationId()))
                .requireOwnedBy(command.userId());
        paid.refund(now); // NOT_PAID / ALREADY_REFUNDED before anything else is looked at
        if (cancellations.isCancelled(paid.scheduleId())) {
            throw new ScheduleCancelledException(paid.scheduleId());
        }
        TicketDetails ticket = tickets.findByReservation(paid.id())
                .orElseThrow(() -> new IllegalStateException("paid reservation " + paid.id() + " has no ticket"));
        Refund refund =
                settings.policy().ownerRefund(UUID.randomUUID(), paid, ticket.startsAt(), UUID.randomUUID(), now);
        if (ticket.ticket().status() == TicketStatus.CHECKED_IN) {
            throw new RefundRefusedException(paid.id(), RefundRefusedException.Reason.TICKET_USED);
        }
        if (!steps.apply(paid, refund, Optional.of(ticket), true, now)) {
            // another request refunded it between our read and our write
            throw new RefundRefusedException(paid.id(), RefundRefusedException.Reason.ALREADY_REFUNDED);
        }
        idempotency.complete(key, refund.id());
        return new Result(refund, false);
    }
}
