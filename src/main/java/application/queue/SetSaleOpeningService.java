package application.queue;

import application.catalog.port.out.ConcertRepository;
import application.queue.port.in.SaleOpeningView;
import application.queue.port.in.SetSaleOpeningUseCase;
import application.queue.port.out.OpeningSettings;
import application.queue.port.out.SaleOpenings;
import domain.concert.Concert;
import domain.concert.ConcertPlan;
import domain.queue.SaleOpening;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * An opening time changes only while every instance can still learn it before it matters
 * ({@link SaleOpening#requireChangeable}): fans queued by the old time keep their order.
 */
@ApplicationScoped
public class SetSaleOpeningService implements SetSaleOpeningUseCase {
    private final ConcertRepository concerts;
    private final SaleOpenings openings;
    private final OpeningSettings settings;
    private final Clock clock;

    public SetSaleOpeningService(
            ConcertRepository concerts, SaleOpenings openings, OpeningSettings settings, Clock clock) {
        this.concerts = concerts;
        this.openings = openings;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SaleOpeningView set(long concertId, Instant opensAt) {
        Objects.requireNonNull(opensAt);
        ConcertPlan.requireOpensAtInRange(opensAt);
        Concert concert = concerts.find(concertId).orElseThrow(() -> new NotFoundException("concert", concertId));
        SaleOpening.requireChangeable(concertId, concert.opensAt(), opensAt, clock.instant(), settings.cacheTtl());
        if (openings.find(concertId).isPresent()) {
            // opened before (under an earlier time): its pre-queue is in line already
            throw new domain.queue.SaleOpeningLockedException(concertId, concert.opensAt(), concert.opensAt());
        }
        concerts.setOpensAt(concertId, opensAt);
        return new SaleOpeningView(concertId, opensAt, openings.find(concertId));
    }
}
