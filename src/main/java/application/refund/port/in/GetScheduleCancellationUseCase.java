package application.refund.port.in;

import domain.refund.ScheduleCancellation;

public interface GetScheduleCancellationUseCase {
    /** @throws domain.shared.NotFoundException when the schedule was not cancelled (or does not exist) */
    ScheduleCancellation get(long scheduleId);
}
