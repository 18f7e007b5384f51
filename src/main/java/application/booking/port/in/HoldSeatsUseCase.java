package application.booking.port.in;

import domain.shared.UserId;
import java.util.List;
import java.util.UUID;

/** Holds several seats of one schedule as one order: every seat, or none (D47). */
public interface HoldSeatsUseCase {
    OrderView hold(Command command);

    /** {@code seatNumbers}: 1 … {@code reservation.max-held-per-user} distinct seat numbers. */
    record Command(UserId userId, String queueToken, long scheduleId, List<Integer> seatNumbers) {
        public Command {
            seatNumbers = List.copyOf(seatNumbers);
        }
    }

    /** The order's reservations, ordered by seat number; each carries {@code orderId}. */
    record OrderView(UUID orderId, List<ReservationView> reservations) {
        public OrderView {
            reservations = List.copyOf(reservations);
        }
    }
}
