package application.booking.port.in;

import domain.payment.BoxOfficeSale;
import java.util.Map;
import java.util.UUID;

/**
 * A box-office sale as the box office reads it: the sale, its seats' tickets (reservation id →
 * ticket id) and how far the reconciliation has come ({@code reconciliationStage} null while
 * UNRECONCILED, D56, D62).
 */
public record BoxOfficeSaleView(
        BoxOfficeSale sale,
        Map<UUID, UUID> ticketByReservation,
        String reconciliationState,
        String reconciliationStage) {
    public BoxOfficeSaleView {
        ticketByReservation = Map.copyOf(ticketByReservation);
    }
}
