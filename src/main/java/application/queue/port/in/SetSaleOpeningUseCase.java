package application.queue.port.in;

import java.time.Instant;

/** An operator sets when a concert's sale opens, while it can still change (D52). */
public interface SetSaleOpeningUseCase {
    SaleOpeningView set(long concertId, Instant opensAt);
}
