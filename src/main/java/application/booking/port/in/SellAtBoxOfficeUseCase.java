package application.booking.port.in;

import domain.payment.CardApproval;
import domain.shared.UserId;
import java.util.List;

/**
 * Sells seats at the box office against a card terminal's approval (D61): every seat or none, with
 * the same no-oversell rule as online holds and payments, SOLD at once with a ticket each.
 */
public interface SellAtBoxOfficeUseCase {
    Result sell(Command command);

    /**
     * {@code seller}: the clerk (the JWT's sub); {@code seatNumbers}: 1 … {@code box-office.max-seats}
     * distinct seat numbers; {@code idempotencyKey}: the request's Idempotency-Key header.
     */
    record Command(
            UserId seller, long scheduleId, List<Integer> seatNumbers, CardApproval approval, String idempotencyKey) {
        public Command {
            seatNumbers = List.copyOf(seatNumbers);
        }
    }

    /** The sale as stored, and whether it is the stored answer to a repeated Idempotency-Key. */
    record Result(BoxOfficeSaleView sale, boolean replayed) {}
}
