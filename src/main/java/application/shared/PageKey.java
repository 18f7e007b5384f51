package application.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a page of a keyset-paged list ends: the last item's sort key ({@code position}: a sequence
 * number or numeric id, or an instant as microseconds since the epoch, PostgreSQL's precision) and, when
 * positions can tie, its id, which breaks ties ({@code id} null: the position alone is unique). The next page holds the items after it in the list's order, so an item added meanwhile
 * that sorts before it (a newer one, in a newest-first list) never shifts the pages still to come.
 */
public record PageKey(long position, UUID id) {
    /** The key of a list whose position alone is unique (a sequence, a numeric id). */
    public static PageKey of(long position) {
        return new PageKey(position, null);
    }

    private static final long MICROS_PER_SECOND = 1_000_000L;

    /** The key of an item sorted by an instant: the instant in microseconds (as PostgreSQL stores it). */
    public static PageKey at(Instant instant, UUID id) {
        return new PageKey(
                Math.addExact(
                        Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000),
                id);
    }

    /** {@link #position()} read back as the instant {@link #at} took it from. */
    public Instant instant() {
        return Instant.ofEpochSecond(
                Math.floorDiv(position, MICROS_PER_SECOND), Math.floorMod(position, MICROS_PER_SECOND) * 1_000);
    }
}
