package application.refund;

import application.events.port.out.OutboxPort;
import application.refund.port.out.RefundStore;
import application.ticketing.port.out.TicketStore;
import application.wallet.port.out.WalletStore;
import domain.event.RefundEvents;
import domain.event.TicketEvents;
import domain.refund.Refund;
import domain.reservation.RefundRefusedException;
import domain.reservation.Reservation;
import domain.ticket.Ticket;
import domain.ticket.TicketDetails;
import domain.ticket.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The writes of one refund, shared by the owner's refund and the cancellation job, all in the
 * caller's transaction: the reservation REFUNDED with its seat AVAILABLE and the refund row (one
 * conditional write, so of two concurrent refunds of a seat exactly one gets past it), the REFUND
 * ledger line, the ticket VOID, and the events.
 */
@ApplicationScoped
public class RefundSteps {
    private final RefundStore refunds;
    private final WalletStore wallets;
    private final TicketStore tickets;
    private final OutboxPort outbox;

    public RefundSteps(RefundStore refunds, WalletStore wallets, TicketStore tickets, OutboxPort outbox) {
        this.refunds = refunds;
        this.wallets = wallets;
        this.tickets = tickets;
        this.outbox = outbox;
    }

    /**
     * Refunds {@code paid} as {@code refund} says. False when the reservation was no longer CONFIRMED
     * (refunded by someone else meanwhile): nothing was written. A ticket that was used at the door
     * (also by a check-in that wins a race with this refund) refuses the refund when {@code
     * refuseUsedTicket} (an owner's refund: TICKET_USED, the caller's transaction rolls back); a
     * cancelled show refunds it anyway and leaves the used ticket as it is.
     */
    public boolean apply(
            Reservation paid, Refund refund, Optional<TicketDetails> ticket, boolean refuseUsedTicket, Instant now) {
        Reservation refunded = paid.refund(now);
        if (!refunds.record(refunded, refund)) {
            return false;
        }
        if (refund.amount().won() > 0) {
            wallets.refund(paid.userId(), refund.amount(), refund.walletTransactionId(), refund.id(), now);
        }
        ticket.map(TicketDetails::ticket).ifPresent(t -> voidTicket(t, refund.id(), refuseUsedTicket, now));
        outbox.append(RefundEvents.reservationRefunded(UUID.randomUUID(), paid, refund));
        return true;
    }

    private void voidTicket(Ticket ticket, UUID refundId, boolean refuseUsedTicket, Instant now) {
        if (ticket.status() == TicketStatus.ISSUED) {
            Ticket voided = ticket.voidFor(refundId, now);
            if (tickets.saveVoidIfIssued(voided)) {
                outbox.append(TicketEvents.ticketVoided(UUID.randomUUID(), voided));
                return;
            }
        }
        // used at the door (before, or just now by a check-in that won the race)
        if (refuseUsedTicket) {
            throw new RefundRefusedException(ticket.reservationId(), RefundRefusedException.Reason.TICKET_USED);
        }
    }
}
