package domain.reservation;

import domain.shared.DomainException;

/** Someone else holds or bought the seat (or got it a moment earlier). */
public final class SeatUnavailableException extends DomainException {
    private final long scheduleId;
    private final int seatNumber;

    public SeatUnavailableException(long scheduleId, int seatNumber) {
        super("seat " + seatNumber + " of schedule " + scheduleId + " is not available");
        this.scheduleId = scheduleId;
        this.seatNumber = seatNumber;
    }

    public long scheduleId() {
        return scheduleId;
    }

    public int seatNumber() {
        return seatNumber;
    }
}
