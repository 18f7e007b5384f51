package domain.reservation;

import domain.shared.DomainException;
import java.util.List;

/** Someone else holds or bought the seat, or seats of an order (or got them a moment earlier). */
public final class SeatUnavailableException extends DomainException {
    private final long scheduleId;
    private final List<Integer> seatNumbers;
    private final boolean ofOrder;

    public SeatUnavailableException(long scheduleId, int seatNumber) {
        super("seat " + seatNumber + " of schedule " + scheduleId + " is not available");
        this.scheduleId = scheduleId;
        this.seatNumbers = List.of(seatNumber);
        this.ofOrder = false;
    }

    /** Seats of one order that were not available; nothing of the order was taken. */
    public SeatUnavailableException(long scheduleId, List<Integer> seatNumbers) {
        super("seats " + seatNumbers + " of schedule " + scheduleId + " are not available; no seat was held");
        if (seatNumbers.isEmpty()) {
            throw new IllegalArgumentException("name at least one seat");
        }
        this.scheduleId = scheduleId;
        this.seatNumbers = List.copyOf(seatNumbers);
        this.ofOrder = true;
    }

    public long scheduleId() {
        return scheduleId;
    }

    /** The first seat that was not available. */
    public int seatNumber() {
        return seatNumbers.getFirst();
    }

    /** Whether it refused a hold of several seats (an order, D47) rather than of one seat. */
    public boolean ofOrder() {
        return ofOrder;
    }

    /** Every seat that was not available, in ascending order for an order. */
    public List<Integer> seatNumbers() {
        return seatNumbers;
    }
}
