package application.partnersync;

import application.partnersync.port.out.BookingRecordSource;
import application.partnersync.port.out.PartnerServer;
import application.partnersync.port.out.SyncTrackingStore;
import application.partnersync.port.out.SyncTrackingStore.Tracked;
import application.shared.ChunkRunner;
import domain.partnersync.BookingRecord;
import domain.partnersync.SyncBatch;
import domain.partnersync.SyncRun;
import domain.partnersync.SyncSection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Section 2, one page of tracked records per chunk: each re-read from the main tables by id (child
 * rows included), compared with its snapshot, and the changed ones posted as one batch. Of the ids
 * the server acknowledged, final records leave the tracking store and the others get the sent state
 * as their new snapshot; the rest keep their old snapshot and are sent again next run. Every run
 * walks the whole store from the start (its position is kept here, in memory).
 */
final class ChangedRecordsStep implements ChunkRunner.Step<ChangedRecordsStep.Pair, BookingRecord> {
    private final BookingRecordSource source;
    private final SyncTrackingStore tracking;
    private final PartnerServer server;
    private final Clock clock;
    private final SyncRun.Tally tally;

    private UUID after;
    private UUID pageEnd;
    private long read;
    private long changed;
    private long sent;
    private long acknowledged;
    private long untracked;

    /** A tracked record's snapshot and its current state (null if the reservation is gone). */
    record Pair(Tracked tracked, BookingRecord current) {}

    ChangedRecordsStep(
            BookingRecordSource source,
            SyncTrackingStore tracking,
            PartnerServer server,
            Clock clock,
            SyncRun.Tally tally) {
        this.source = source;
        this.tracking = tracking;
        this.server = server;
        this.clock = clock;
        this.tally = tally;
    }

    @Override
    public List<Pair> read(int size) {
        tracking.lock(SyncSection.CHANGED);
        List<Tracked> page = tracking.page(after, size);
        Map<UUID, BookingRecord> current =
                source.current(page.stream().map(Tracked::reservationId).toList());
        List<Pair> pairs = new ArrayList<>(page.size());
        for (Tracked t : page) {
            pairs.add(new Pair(t, current.get(t.reservationId())));
        }
        pageEnd = page.isEmpty() ? after : page.getLast().reservationId();
        read = page.size();
        changed = sent = acknowledged = untracked = 0;
        return pairs;
    }

    @Override
    public BookingRecord process(Pair pair) {
        BookingRecord current = pair.current();
        return current != null && current.differsFrom(pair.tracked().snapshot()) ? current : null;
    }

    @Override
    public void write(List<Pair> page, List<BookingRecord> records) {
        changed = records.size();
        if (records.isEmpty()) {
            return;
        }
        SyncBatch batch = SyncBatch.of(SyncSection.CHANGED, records);
        Set<UUID> answer = server.send(batch);
        List<BookingRecord> stored =
                records.stream().filter(r -> answer.contains(r.reservationId())).toList();
        List<UUID> done = stored.stream()
                .filter(BookingRecord::isFinal)
                .map(BookingRecord::reservationId)
                .toList();
        tracking.untrack(done);
        tracking.track(stored.stream().filter(r -> !r.isFinal()).toList(), batch.batchId(), clock.instant());
        sent = records.size();
        acknowledged = stored.size();
        untracked = done.size();
    }

    @Override
    public void committed() {
        after = pageEnd;
        tally.read(read);
        tally.changed(changed);
        tally.sent(sent);
        tally.acknowledged(acknowledged);
        tally.untracked(untracked);
    }
}
