package application.queue.port.in;

import domain.queue.SaleOpeningRecord;
import java.time.Instant;
import java.util.Optional;

/**
 * A concert's on-sale time and, once its sale opened, the audit of its pre-queue's shuffle (D52).
 *
 * @param opensAt null: the concert has no on-sale time (its sale is open)
 */
public record SaleOpeningView(long concertId, Instant opensAt, Optional<SaleOpeningRecord> opening) {
    public enum Stage {
        /** No on-sale time: open since it was created. */
        OPEN,
        /** Before its on-sale time (or at it, before the opening job ran): fans wait in the pre-queue. */
        SCHEDULED,
        /** The pre-queue is being shuffled and placed. */
        OPENING,
        /** Opened: the pre-queue is in line in the recorded order. */
        OPENED
    }

    public Stage stage() {
        if (opening.isPresent()) {
            return opening.get().isComplete() ? Stage.OPENED : Stage.OPENING;
        }
        return opensAt == null ? Stage.OPEN : Stage.SCHEDULED;
    }
}
