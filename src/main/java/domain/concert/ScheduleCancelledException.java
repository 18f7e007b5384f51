package domain.concert;

import domain.shared.DomainException;

/** The organiser cancelled the schedule: it sells nothing more (holds and payments are refused). */
public final class ScheduleCancelledException extends DomainException {
    private final long scheduleId;

    public ScheduleCancelledException(long scheduleId) {
        super("schedule " + scheduleId + " was cancelled");
        this.scheduleId = scheduleId;
    }

    public long scheduleId() {
        return scheduleId;
    }
}
