package application.partnersync.port.out;

import application.partnersync.port.out.BookingRecordSource.Position;
import domain.partnersync.BookingRecord;
import domain.partnersync.SyncSection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The sync's own state, in the caller's transaction: the cursor of new reservations and the tracking
 * store (records the app server accepted that can still change, with the snapshot sent).
 */
public interface SyncTrackingStore {
    /**
     * Locks the section's state row until the transaction ends (a second run waits for this page
     * to commit) and returns the section's cursor (NEW: where the next page starts; CHANGED: null).
     */
    Position lock(SyncSection section);

    /** Moves the NEW cursor to {@code position}. */
    void advance(Position position, Instant now);

    /** Up to {@code limit} tracked records after {@code afterId} (null: from the start), in id order. */
    List<Tracked> page(UUID afterId, int limit);

    /** Tracks each record with itself as the snapshot sent (replacing an earlier snapshot). */
    void track(Collection<BookingRecord> snapshots, UUID batchId, Instant now);

    /** Stops tracking these reservations. */
    void untrack(Collection<UUID> reservationIds);

    /** How many records are tracked. */
    long trackedCount();

    record Tracked(UUID reservationId, BookingRecord snapshot) {}
}
