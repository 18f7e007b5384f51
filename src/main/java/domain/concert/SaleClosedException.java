package domain.concert;

import domain.shared.DomainException;
import java.time.Instant;

/** The schedule no longer sells: its start is near or past ({@link BookingWindow}). */
public final class SaleClosedException extends DomainException {
    private final long scheduleId;
    private final Instant closedAt;

    public SaleClosedException(long scheduleId, Instant closedAt) {
        super("the sale of schedule " + scheduleId + " closed at " + closedAt);
        this.scheduleId = scheduleId;
        this.closedAt = closedAt;
    }

    public long scheduleId() {
        return scheduleId;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
