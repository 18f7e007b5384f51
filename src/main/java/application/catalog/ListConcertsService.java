package application.catalog;

import application.catalog.port.in.ListConcertsUseCase;
import application.catalog.port.out.ConcertRepository;
import application.shared.Page;
import application.shared.PageRequest;
import domain.concert.Concert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ListConcertsService implements ListConcertsUseCase {
    private final ConcertRepository concerts;

    public ListConcertsService(ConcertRepository concerts) {
        this.concerts = concerts;
    }

    @Override
    @Transactional
    public Page<Concert> list(PageRequest page) {
        return concerts.list(page);
    }
}
