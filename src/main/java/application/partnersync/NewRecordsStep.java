package application.partnersync;

import application.partnersync.port.out.BookingRecordSource;
import application.partnersync.port.out.BookingRecordSource.Position;
import application.partnersync.port.out.PartnerServer;
import application.partnersync.port.out.SyncTrackingStore;
import application.shared.ChunkRunner;
import domain.partnersync.BookingRecord;
import domain.partnersync.SyncBatch;
import domain.partnersync.SyncRun;
import domain.partnersync.SyncSection;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Section 1, one page per chunk: the next new reservations after the cursor (with their child rows),
 * posted as one batch; the accepted ones that can still change are tracked with the snapshot sent,
 * and the cursor moves past the page, in the page's transaction. A page the server refuses or does
 * not answer rolls back: the cursor stays, and the next run sends the same page again.
 */
final class NewRecordsStep implements ChunkRunner.Step<BookingRecord, BookingRecord> {
    private final BookingRecordSource source;
    private final SyncTrackingStore tracking;
    private final PartnerServer server;
    private final Clock clock;
    private final SyncRun.Tally tally;

    private Position last;
    private long read;
    private long sent;
    private long accepted;
    private long tracked;

    NewRecordsStep(
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
    public List<BookingRecord> read(int size) {
        Position cursor = tracking.lock(SyncSection.NEW);
        BookingRecordSource.NewPage page = source.newRecords(cursor, size);
        last = page.last();
        read = page.records().size();
        sent = accepted = tracked = 0;
        return page.records();
    }

    @Override
    public BookingRecord process(BookingRecord record) {
        return record;
    }

    @Override
    public void write(List<BookingRecord> page, List<BookingRecord> records) {
        SyncBatch batch = SyncBatch.of(SyncSection.NEW, records);
        Set<UUID> answer = server.send(batch);
        List<BookingRecord> members =
                records.stream().filter(r -> answer.contains(r.reservationId())).toList();
        List<BookingRecord> changeable =
                members.stream().filter(r -> !r.isFinal()).toList();
        tracking.track(changeable, batch.batchId(), clock.instant());
        tracking.advance(last, clock.instant());
        sent = records.size();
        accepted = members.size();
        tracked = changeable.size();
    }

    @Override
    public void committed() {
        tally.read(read);
        tally.sent(sent);
        tally.accepted(accepted);
        tally.tracked(tracked);
    }
}
