package application.partnersync.port.out;

import domain.partnersync.BookingRecord;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reservations with their child rows, read from the main tables as records of the contract: the
 * main rows of a page in one query, then each child table in one query for the whole page.
 */
public interface BookingRecordSource {
    /**
     * Up to {@code limit} reservations after {@code after} in the order they were committed, each
     * with its children; only reservations whose inserting transaction is older than every
     * transaction still running, so none can later appear behind the returned position.
     */
    NewPage newRecords(Position after, int limit);

    /** The current state of each reservation that exists among {@code ids}, children included. */
    Map<UUID, BookingRecord> current(Collection<UUID> ids);

    /** A place in the order of new reservations (opaque to the application). */
    record Position(long transaction, UUID reservationId) {}

    /** {@code last} is the position of the page's last record (null when the page is empty). */
    record NewPage(List<BookingRecord> records, Position last) {}
}
