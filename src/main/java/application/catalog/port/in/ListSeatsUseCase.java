package application.catalog.port.in;

import domain.shared.UserId;
import java.util.List;

public interface ListSeatsUseCase {
    /** Every seat of the schedule, ordered by number, with its status now; admitted fans only. */
    List<SeatView> list(UserId userId, String queueToken, long scheduleId);
}
