package application.queue.port.out;

import domain.queue.SaleOpeningRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The openings of sales (D52): which are due, and the audit record of each, which is also the
 * opening's idempotent marker: claimed once with its seed before anything is placed, completed once.
 */
public interface SaleOpenings {
    /** Concerts whose sale opened by {@code now} and whose opening is not complete, earliest first. */
    List<Due> due(Instant now, int limit);

    /**
     * Records {@code proposed} unless the concert's opening is recorded already (in its own
     * statement: two callers at once record one); returns the recorded one, whichever it is.
     */
    SaleOpeningRecord claim(SaleOpeningRecord proposed);

    /**
     * Completes the opening with its order digest, in the caller's transaction; true only for the
     * one call that did (a second call, or one for an opening never claimed, changes nothing).
     */
    boolean complete(long concertId, String orderDigest, Instant at);

    Optional<SaleOpeningRecord> find(long concertId);

    record Due(long concertId, Instant opensAt) {}
}
