package application.catalog.port.in;

import domain.concert.Concert;
import java.util.List;

public interface ListConcertsUseCase {
    List<Concert> list();
}
