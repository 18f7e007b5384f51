package domain.partnersync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What one sync run did. {@code read}: records read (new ones in section 1, tracked ones re-read in
 * section 2); {@code sent}: records posted; {@code accepted}: new records the server accepted (its
 * members); {@code tracked}: those of them that can still change, now tracked; {@code changed}:
 * tracked records found changed; {@code acknowledged}: changed records the server stored;
 * {@code untracked}: acknowledged records that are final, no longer tracked; {@code failedPages}:
 * pages the server refused or did not answer (retried by the next run).
 */
public record SyncRun(
        UUID id,
        String requestedBy,
        Status status,
        Instant startedAt,
        Instant finishedAt,
        long read,
        long sent,
        long accepted,
        long tracked,
        long changed,
        long acknowledged,
        long untracked,
        int failedPages,
        String failure) {

    public enum Status {
        RUNNING,
        COMPLETED,
        /** At least one page failed; what the other pages did stands. */
        FAILED
    }

    public SyncRun {
        Objects.requireNonNull(id);
        Objects.requireNonNull(requestedBy);
        Objects.requireNonNull(status);
        Objects.requireNonNull(startedAt);
    }

    public static SyncRun started(UUID id, String requestedBy, Instant at) {
        return new SyncRun(id, requestedBy, Status.RUNNING, at, null, 0, 0, 0, 0, 0, 0, 0, 0, null);
    }

    /** The run's end: COMPLETED when no page failed, else FAILED with the last failure. */
    public SyncRun finished(Tally tally, Instant at) {
        return new SyncRun(
                id,
                requestedBy,
                tally.failedPages() == 0 ? Status.COMPLETED : Status.FAILED,
                startedAt,
                at,
                tally.read(),
                tally.sent(),
                tally.accepted(),
                tally.tracked(),
                tally.changed(),
                tally.acknowledged(),
                tally.untracked(),
                tally.failedPages(),
                tally.failure());
    }

    /** Null while the run is going. */
    public Duration duration() {
        return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
    }

    /** The counts as a run adds them up, page by page. */
    public static final class Tally {
        private long read;
        private long sent;
        private long accepted;
        private long tracked;
        private long changed;
        private long acknowledged;
        private long untracked;
        private int failedPages;
        private String failure;

        public void read(long n) {
            read += n;
        }

        public void sent(long n) {
            sent += n;
        }

        public void accepted(long n) {
            accepted += n;
        }

        public void tracked(long n) {
            tracked += n;
        }

        public void changed(long n) {
            changed += n;
        }

        public void acknowledged(long n) {
            acknowledged += n;
        }

        public void untracked(long n) {
            untracked += n;
        }

        public void failedPage(String reason) {
            failedPages++;
            failure = reason;
        }

        public long read() {
            return read;
        }

        public long sent() {
            return sent;
        }

        public long accepted() {
            return accepted;
        }

        public long tracked() {
            return tracked;
        }

        public long changed() {
            return changed;
        }

        public long acknowledged() {
            return acknowledged;
        }

        public long untracked() {
            return untracked;
        }

        public int failedPages() {
            return failedPages;
        }

        public String failure() {
            return failure;
        }
    }
}
