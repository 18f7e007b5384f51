package application.queue;

import application.catalog.port.out.ConcertRepository;
import application.queue.port.in.GetSaleOpeningUseCase;
import application.queue.port.in.SaleOpeningView;
import application.queue.port.out.SaleOpenings;
import domain.concert.Concert;
import domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class GetSaleOpeningService implements GetSaleOpeningUseCase {
    private final ConcertRepository concerts;
    private final SaleOpenings openings;

    public GetSaleOpeningService(ConcertRepository concerts, SaleOpenings openings) {
        this.concerts = concerts;
        this.openings = openings;
    }

    @Override
    @Transactional
    public SaleOpeningView get(long concertId) {
        Concert concert = concerts.find(concertId).orElseThrow(() -> new NotFoundException("concert", concertId));
        return new SaleOpeningView(concertId, concert.opensAt(), openings.find(concertId));
    }
}
