package application.booking.port.out;

import domain.payment.BoxOfficeSale;
import java.util.Optional;
import java.util.UUID;

/** The box office's sales and the card approvals they recorded (D61). */
public interface BoxOfficeSales {
    /**
     * Records the sale in the caller's transaction, unless its card approval ({@code provider},
     * {@code approvalNo}) is already recorded: then nothing is written and the answer is false (one
     * conditional write; the store's uniqueness settles concurrent sales of one approval).
     */
    boolean insert(BoxOfficeSale sale);

    /** The sale with its tickets and reconciliation state; empty when there is none. */
    Optional<Recorded> findById(UUID id);

    /**
     * A stored sale: the seats' tickets (reservation id → ticket id) and how far the reconciliation
     * has come ({@code reconciliationStage} null while UNRECONCILED, D56).
     */
    record Recorded(
            BoxOfficeSale sale,
            java.util.Map<UUID, UUID> ticketByReservation,
            String reconciliationState,
            String reconciliationStage) {
        public Recorded {
            ticketByReservation = java.util.Map.copyOf(ticketByReservation);
        }
    }
}
