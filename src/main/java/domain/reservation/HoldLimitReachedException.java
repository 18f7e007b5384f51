package domain.reservation;

import domain.shared.DomainException;

/** The fan already holds as many seats of the concert as one fan may (a lapsed hold does not count). */
public final class HoldLimitReachedException extends DomainException {
    private final long concertId;
    private final int limit;

    public HoldLimitReachedException(long concertId, int limit) {
        super("you already hold " + limit + " seats of concert " + concertId
                + ", the most one fan may hold at once; pay for or cancel one first");
        this.concertId = concertId;
        this.limit = limit;
    }

    public long concertId() {
        return concertId;
    }

    public int limit() {
        return limit;
    }
}
