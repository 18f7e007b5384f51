package domain.partnersync;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One page as it is sent to the app server. Its {@code batchId} is derived from the section and the
 * records' content: a page that is sent again unchanged (its answer was lost, a 500, a timeout, the
 * process died before committing) carries the same {@code batchId}, so the server can drop the
 * repeat; a page whose records changed meanwhile is a new batch.
 */
public record SyncBatch(UUID batchId, SyncSection section, List<BookingRecord> records) {
    public SyncBatch {
        Objects.requireNonNull(batchId);
        Objects.requireNonNull(section);
        records = List.copyOf(records);
    }

    public static SyncBatch of(SyncSection section, List<BookingRecord> records) {
        StringBuilder content = new StringBuilder(64 + 200 * records.size()).append(section);
        for (BookingRecord record : records) {
            // the record's own text: every field, child sections included (null when absent)
            content.append('\n').append(record);
        }
        UUID id = UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8));
        return new SyncBatch(id, section, records);
    }

    public int size() {
        return records.size();
    }
}
