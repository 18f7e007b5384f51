package domain.queue;

import domain.shared.DomainException;
import java.time.Instant;

/**
 * A concert's on-sale time can no longer be changed: it has passed, or is closer than the time
 * every instance needs to learn the change (D52), so fans already queued by it keep their order.
 */
public final class SaleOpeningLockedException extends DomainException {
    private final long concertId;
    private final Instant opensAt;

    public SaleOpeningLockedException(long concertId, Instant opensAt, Instant lockedFrom) {
        super("the sale of concert " + concertId + " opens at " + opensAt + "; its opening time is fixed from "
                + lockedFrom);
        this.concertId = concertId;
        this.opensAt = opensAt;
    }

    public long concertId() {
        return concertId;
    }

    public Instant opensAt() {
        return opensAt;
    }
}
