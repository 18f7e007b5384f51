package application.catalog.port.in;

import domain.concert.ScheduleAvailability;
import domain.shared.UserId;
import java.util.List;

public interface ListAvailableSchedulesUseCase {
    /** Future schedules of the concert with at least one seat available now; admitted fans only. */
    List<ScheduleAvailability> list(UserId userId, String queueToken, long concertId);
}
