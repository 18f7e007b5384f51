package application.catalog;

import application.catalog.port.in.ListSeatsUseCase;
import application.catalog.port.in.SeatView;
import application.catalog.port.out.ConcertRepository;
import application.queue.port.in.CheckAdmissionUseCase;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class ListSeatsService implements ListSeatsUseCase {
    private final ConcertRepository concerts;
    private final CheckAdmissionUseCase gate;
    private final Clock clock;

    public ListSeatsService(ConcertRepository concerts, CheckAdmissionUseCase gate, Clock clock) {
        this.concerts = concerts;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public List<SeatView> list(UserId userId, String queueToken, long scheduleId) {
        long concertId =
                concerts.concertOfSchedule(scheduleId).orElseThrow(() -> new NotFoundException("schedule", scheduleId));
        gate.requireAdmitted(userId, queueToken, concertId);
        Instant now = clock.instant();
        return concerts.seatsOf(scheduleId).stream()
                .map(seat -> new SeatView(seat, seat.statusAt(now)))
                .toList();
    }
}
