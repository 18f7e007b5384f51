package application.catalog;

import application.catalog.port.in.CreateConcertUseCase;
import application.catalog.port.out.ConcertRepository;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

@ApplicationScoped
public class CreateConcertService implements CreateConcertUseCase {
    private final ConcertRepository concerts;
    private final Clock clock;

    public CreateConcertService(ConcertRepository concerts, Clock clock) {
        this.concerts = concerts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Concert create(ConcertPlan plan) {
        Instant now = clock.instant();
        plan.requireAllInFuture(now);
        return concerts.create(plan, now);
    }
}
