package application.booking.port.out;

import domain.shared.Money;
import domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Taking and giving back seats. Every method is one conditional write settled by the store, so
 * exactly one of any number of concurrent callers wins a seat.
 */
public interface SeatInventory {
    /**
     * Takes the seat for the reservation when it is available at {@code now} ({@code
     * Seat.isAvailableAt}: AVAILABLE, or HELD with a lapsed hold): one conditional write. Otherwise nothing is written, and the outcome says
     * whether the schedule has that seat at all.
     *
     * <p>When it takes the seat it also takes the {@code holder}'s turn on the concert: any other
     * transaction's hold for the same holder and concert waits at this point until the caller's
     * transaction ends, so what the caller then counts of the holder's holds on the concert
     * ({@link ReservationRepository#insertWithinLimit}) cannot change under it — on every instance.
     */
    HoldOutcome hold(
            long scheduleId,
            int seatNumber,
            UUID reservationId,
            Instant holdExpiresAt,
            Instant now,
            UserId holder,
            long concertId);

    /**
     * Takes every seat of an order, or none (D47): each claimed seat must be available at {@code
     * now} ({@code Seat.isAvailableAt}). The seats are locked in ascending seat-id order, whatever
     * the order of the claims, so overlapping orders wait for each other instead of deadlocking;
     * then either all are marked HELD, each for its claim's reservation, or nothing is written. When
     * it took them it then takes the {@code holder}'s turn on the concert, as {@link #hold} does, after
     * the last seat lock (so the same fan's concurrent holds cannot wait on each other in a cycle).
     *
     * @param claims distinct seat numbers, each with the id of the reservation it is for
     */
    OrderOutcome holdAll(
            long scheduleId, List<SeatClaim> claims, Instant holdExpiresAt, Instant now, UserId holder, long concertId);

    /**
     * Sells every seat of a box-office sale, or none (D61), exactly as {@link #holdAll} takes an
     * order: each claimed seat must be available at {@code now} ({@code Seat.isAvailableAt}; a seat
     * held by anyone or sold is taken), the seats are locked in ascending seat-id order in the same
     * one statement, and either all become SOLD, each to its claim's reservation, or nothing is
     * written ({@link RefusedOrder}). A seat of a cancelled schedule is refused as by {@link #hold}.
     * No holder's turn is taken: the box office has no per-fan limit.
     *
     * @return {@link HeldOrder} with every seat (now SOLD), or why none was sold
     */
    OrderOutcome sellAll(long scheduleId, List<SeatClaim> claims, Instant now);

    /**
     * Marks the seat SOLD if it is still held for that reservation.
     *
     * <p>{@link #hold} (when it took the seat) and {@code sell} refuse a seat of a cancelled schedule
     * with {@code domain.concert.ScheduleCancelledException}, and take a share of the schedule that
     * its cancellation waits for ({@code application.refund.port.out.ScheduleCancellations}).
     */
    boolean sell(long seatId, UUID reservationId);

    /** Makes the seat AVAILABLE if it is still held for that reservation (not if someone else took it since). */
    boolean release(long seatId, UUID reservationId);

    /** One seat of an order and the reservation that is to hold it. */
    record SeatClaim(int seatNumber, UUID reservationId) {}

    /** What an order's hold found: every seat held, or why none was. */
    sealed interface OrderOutcome permits HeldOrder, RefusedOrder {}

    /** Every claimed seat was taken (held by {@link #holdAll}, sold by {@link #sellAll}): seat number → the seat. */
    record HeldOrder(Map<Integer, HeldSeat> seats) implements OrderOutcome {
        public HeldOrder {
            seats = Map.copyOf(seats);
        }
    }

    /**
     * Nothing was taken: {@code taken} are claimed seats held by someone else or sold, {@code
     * missing} seat numbers the schedule does not have (each ascending; at least one is not empty).
     */
    record RefusedOrder(List<Integer> taken, List<Integer> missing) implements OrderOutcome {
        public RefusedOrder {
            taken = List.copyOf(taken);
            missing = List.copyOf(missing);
        }
    }

    /** What a hold found: the seat, now held for the reservation, or why it was not taken. */
    sealed interface HoldOutcome permits HeldSeat, Refusal {}

    /** The seat is held for the reservation: its id and price. */
    record HeldSeat(long seatId, Money price) implements HoldOutcome {}

    enum Refusal implements HoldOutcome {
        /** Held by someone else, or sold. */
        TAKEN,
        /** The schedule has no seat with that number. */
        NO_SUCH_SEAT
    }
}
