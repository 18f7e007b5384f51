package application.catalog;

import application.catalog.port.in.ListAvailableSchedulesUseCase;
import application.catalog.port.out.ConcertRepository;
import application.queue.port.in.CheckAdmissionUseCase;
import domain.concert.BookingWindow;
import domain.concert.ScheduleAvailability;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class ListAvailableSchedulesService implements ListAvailableSchedulesUseCase {
    private final ConcertRepository concerts;
    private final CheckAdmissionUseCase gate;
    private final Clock clock;
    private final BookingWindow window;

    public ListAvailableSchedulesService(
            ConcertRepository concerts, CheckAdmissionUseCase gate, Clock clock, BookingWindow window) {
        this.concerts = concerts;
        this.gate = gate;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public List<ScheduleAvailability> list(UserId userId, String queueToken, long concertId) {
        if (!concerts.exists(concertId)) {
            throw new NotFoundException("concert", concertId);
        }
        gate.requireAdmitted(userId, queueToken, concertId);
        Instant now = clock.instant();
        // the store lists schedules that have not started; those whose sale closed are left out (D48)
        return concerts.availableSchedules(concertId, now).stream()
                .filter(schedule -> window.isOpen(schedule.startsAt(), now))
                .toList();
    }
}
