package application.refund.port.in;

import domain.refund.ScheduleCancellation;

public interface CancelScheduleUseCase {
    /**
     * Cancels the schedule (it sells nothing more) and starts the job that refunds every paid seat
     * in full and cancels its open holds; a second call returns the same cancellation.
     *
     * @throws domain.shared.NotFoundException for an unknown schedule
     */
    ScheduleCancellation cancel(long scheduleId, String requestedBy);
}
