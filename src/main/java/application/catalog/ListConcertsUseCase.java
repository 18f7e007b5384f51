package application.catalog;

import domain.concert.Concert;
import java.util.List;

public interface ListConcertsUseCase {
    List<Concert> list();
}
