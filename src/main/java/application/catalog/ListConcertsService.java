package application.catalog;

import application.catalog.port.in.ListConcertsUseCase;
import application.catalog.port.out.ConcertRepository;
import domain.concert.Concert;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ListConcertsService implements ListConcertsUseCase {
    private final ConcertRepository concerts;

    public ListConcertsService(ConcertRepository concerts) {
        this.concerts = concerts;
    }

    @Override
    public List<Concert> list() {
        return concerts.list();
    }
}
