package application.partnersync;

import domain.shared.Configured;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sync runs: records per page (one POST and one transaction each), how long a run may go on
 * starting new pages (the next run continues from the cursor), and the longest a page may take (its
 * transaction's timeout: the reads, the POST with the client's retries, the writes).
 */
public record PartnerSyncSettings(int batchSize, Duration maxRunTime, Duration pageTimeout) implements Configured {
    public static final int MAX_BATCH_SIZE = 10_000;

    public PartnerSyncSettings {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("sync.batch-size must be between 1 and " + MAX_BATCH_SIZE);
        }
        Objects.requireNonNull(maxRunTime);
        Objects.requireNonNull(pageTimeout);
    }

    /** A lease that outlives the longest run: it stops starting pages at maxRunTime, the last page ends by pageTimeout. */
    public Duration leaseTtl() {
        return maxRunTime.plus(pageTimeout).plusSeconds(10);
    }
}
