package application.reconciliation;

import domain.reconciliation.FeePolicy;
import domain.reconciliation.RecordType;
import domain.shared.Configured;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How reconciliation runs: which providers (with their contract fee), the PGs' time zone, how many
 * provider chains run at once, when a silent run counts as dead, how many bad lines a step keeps,
 * how many PENDING top-ups one settle chunk (transaction) takes and how long it may last, and how
 * many dates one range re-run may span, and how many of the largest mismatches the sent report lists.
 */
public record ReconciliationSettings(
        List<Provider> providers,
        ZoneId zone,
        int parallelism,
        Duration staleAfter,
        int maxErrorsKept,
        int settleChunkSize,
        Duration chunkTimeout,
        int maxRangeDays,
        int topMismatches)
        implements Configured {

    public ReconciliationSettings {
        providers = List.copyOf(providers);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(staleAfter);
        if (parallelism < 1) {
            throw new IllegalArgumentException("reconciliation.parallelism must be at least 1");
        }
        if (settleChunkSize < 1) {
            throw new IllegalArgumentException("reconciliation.settle-chunk-size must be at least 1");
        }
        if (maxRangeDays < 1) {
            throw new IllegalArgumentException("reconciliation.max-range-days must be at least 1");
        }
        Objects.requireNonNull(chunkTimeout);
        if (topMismatches < 0) {
            throw new IllegalArgumentException("reconciliation.report.top-mismatches must be 0 or more");
        }
    }

    /** A provider to reconcile: its contract fee, and which of our records its files are matched against (D62). */
    public record Provider(String name, FeePolicy fees, RecordType records) {
        public Provider {
            Objects.requireNonNull(records);
        }

        /** A provider whose files are matched against top-ups. */
        public Provider(String name, FeePolicy fees) {
            this(name, fees, RecordType.TOPUP);
        }
    }
}
