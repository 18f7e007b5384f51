package application.catalog;

import application.catalog.port.in.ListAvailableSchedulesUseCase;
import application.catalog.port.out.ConcertRepository;
import application.queue.port.in.CheckAdmissionUseCase;
import domain.concert.ScheduleAvailability;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

@ApplicationScoped
public class ListAvailableSchedulesService implements ListAvailableSchedulesUseCase {
    private final ConcertRepository concerts;
    private final CheckAdmissionUseCase gate;
    private final Clock clock;

    public ListAvailableSchedulesService(ConcertRepository concerts, CheckAdmissionUseCase gate, Clock clock) {
        this.concerts = concerts;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public List<ScheduleAvailability> list(UserId userId, String queueToken, long concertId) {
        if (!concerts.exists(concertId)) {
            throw new NotFoundException("concert", concertId);
        }
        gate.requireAdmitted(userId, queueToken, concertId);
        return concerts.availableSchedules(concertId, clock.instant());
    }
}
