package application.catalog.port.in;

import application.shared.Page;
import application.shared.PageRequest;
import domain.concert.Concert;

public interface ListConcertsUseCase {
    /** One page of the concerts, oldest first. */
    Page<Concert> list(PageRequest page);
}
