package application.catalog.port.in;

import domain.concert.Concert;
import domain.concert.ConcertPlan;

public interface CreateConcertUseCase {
    Concert create(ConcertPlan plan);
}
