package domain.payment;

import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Seats sold at the venue's box office, paid on a card terminal (D61). Each seat is a reservation
 * CONFIRMED at once whose owner is {@link #buyer} (the buyer has no account here) and whose order
 * is the sale; {@code amount} is the seats' price sum, which the approval matched.
 */
public record BoxOfficeSale(
        UUID id,
        long concertId,
        long scheduleId,
        List<SoldSeat> seats,
        Money amount,
        CardApproval approval,
        UserId soldBy,
        Instant soldAt) {
    /** The owner of a box-office sale's reservations and tickets: no fan's account. */
    public static final String BUYER_PREFIX = "box-office:";

    public BoxOfficeSale {
        Objects.requireNonNull(id);
        seats = List.copyOf(seats);
        if (seats.isEmpty()) {
            throw new IllegalArgumentException("a sale sells at least one seat");
        }
        Objects.requireNonNull(amount);
        Objects.requireNonNull(approval);
        Objects.requireNonNull(soldBy);
        Objects.requireNonNull(soldAt);
    }

    /** The user id a sale's reservations and tickets are owned by: {@code box-office:<sale id>}. */
    public static UserId buyer(UUID saleId) {
        return new UserId(BUYER_PREFIX + saleId);
    }

    /** One seat of the sale: its number, the reservation that holds it, its price. */
    public record SoldSeat(int seatNumber, UUID reservationId, Money price) {
        public SoldSeat {
            Objects.requireNonNull(reservationId);
            Objects.requireNonNull(price);
        }
    }
}
