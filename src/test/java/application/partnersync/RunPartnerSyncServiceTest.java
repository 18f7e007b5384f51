package application.partnersync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.partnersync.port.in.RunPartnerSyncUseCase;
import application.partnersync.port.out.BookingRecordSource;
import application.partnersync.port.out.BookingRecordSource.Position;
import application.partnersync.port.out.PartnerServer;
import application.partnersync.port.out.SyncRunStore;
import application.partnersync.port.out.SyncTrackingStore;
import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import application.shared.port.out.ChunkTransactions;
import application.shared.port.out.JobLock;
import domain.partnersync.BookingRecord;
import domain.partnersync.BookingRecord.CheckInSection;
import domain.partnersync.BookingRecord.PaymentSection;
import domain.partnersync.SyncBatch;
import domain.partnersync.SyncRun;
import domain.partnersync.SyncSection;
import domain.reservation.ReservationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sync's rules on in-memory ports: what is sent, when again, what is tracked and untracked. The
 * child rows that do not exist in the tables yet (refunds, check-ins: issue #16) are covered here.
 */
class RunPartnerSyncServiceTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final int PAGE = 3;

    private final Source source = new Source();
    private final Tracking tracking = new Tracking();
    private final Server server = new Server();
    private final Runs runs = new Runs();
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private boolean leaseFree = true;

    private final RunPartnerSyncService service = new RunPartnerSyncService(
            source,
            tracking,
            server,
            new SyncRunBookkeeping(runs, tracking, clock),
            (run, trackedNow) -> {},
            (job, ttl) -> leaseFree ? Optional.of(() -> {}) : Optional.<JobLock.Lease>empty(),
            tracking,
            new PartnerSyncSettings(PAGE, Duration.ofMinutes(1), Duration.ofSeconds(30)),
            clock);

    @Test
    void newReservationsGoOutInPagesOfTheBatchSizeAndOnlyMembersThatCanChangeAreTracked() {
        UUID a = source.add(held("member-a"));
        UUID b = source.add(held("other-b"));
        UUID c = source.add(with(held("member-c"), ReservationStatus.CANCELLED));
        UUID d = source.add(held("member-d"));
        UUID e = source.add(held("member-e"));
        server.members = r -> r.userId().startsWith("member-");

        SyncRun run = service.run("test").run();

        assertEquals(List.of(3, 2), server.sizes(SyncSection.NEW), "pages of at most sync.batch-size");
        assertEquals(Set.of(a, d, e), tracking.tracked.keySet(), "not the non-member, not the final one");
        assertEquals(5, run.sent());
        assertEquals(4, run.accepted());
        assertEquals(3, run.tracked());
        assertEquals(SyncRun.Status.COMPLETED, run.status());
        assertEquals(Set.of(a, b, c, d, e), server.ids(SyncSection.NEW));

        server.batches.clear();
        SyncRun again = service.run("test").run();
        assertEquals(0, again.sent(), "nothing new, nothing changed");
    }

    @Test
    void aPaymentARefundAndACheckInEachTriggerExactlyOneResendAndTheFinalStateLeavesTracking() {
        UUID id = source.add(held("member-a"));
        service.run("test");

        source.update(id, paid(source.records.get(id)));
        assertEquals(List.of(id), sentAgain());
        assertEquals(List.of(), sentAgain(), "unchanged: not sent again");

        source.update(id, refunded(source.records.get(id)));
        assertEquals(List.of(id), sentAgain());
        assertEquals(Set.of(), tracking.tracked.keySet(), "refunded is final: untracked once acknowledged");
        assertEquals(List.of(), sentAgain());

        UUID other = source.add(held("member-b"));
        service.run("test");
        source.update(other, paid(source.records.get(other)));
        assertEquals(List.of(other), sentAgain());
        source.update(other, checkedIn(source.records.get(other)));
        assertEquals(List.of(other), sentAgain());
        assertEquals(Set.of(), tracking.tracked.keySet(), "checked in is final");
        assertEquals(List.of(), sentAgain());
    }

    @Test
    void aChangeTheServerDoesNotAcknowledgeIsSentAgainByTheNextRun() {
        UUID id = source.add(held("member-a"));
        service.run("test");
        source.update(id, with(source.records.get(id), ReservationStatus.EXPIRED));
        server.members = r -> false;
        assertEquals(List.of(id), sentAgain());
        assertTrue(tracking.tracked.containsKey(id));
        server.members = r -> true;
        assertEquals(List.of(id), sentAgain());
        assertEquals(Set.of(), tracking.tracked.keySet());
    }

    @Test
    void aRecordTheServerDidNotAcceptIsNeverSentAgain() {
        UUID id = source.add(held("other-a"));
        server.members = r -> false;
        service.run("test");
        server.members = r -> true;
        source.update(id, paid(source.records.get(id)));
        assertEquals(List.of(), sentAgain());
    }

    @Test
    void aFailedPageMovesNothingAndTheNextRunSendsItAgainWithTheSameBatchId() {
        UUID a = source.add(held("member-a"));
        UUID b = source.add(held("member-b"));
        server.failures = 1;

        SyncRun failed = service.run("test").run();
        assertEquals(SyncRun.Status.FAILED, failed.status());
        assertEquals(1, failed.failedPages());
        assertEquals(Set.of(), tracking.tracked.keySet());
        UUID batchId = server.batches.getFirst().batchId();

        SyncRun retried = service.run("test").run();
        assertEquals(SyncRun.Status.COMPLETED, retried.status());
        assertEquals(batchId, server.batches.get(1).batchId());
        assertEquals(Set.of(a, b), tracking.tracked.keySet());
        assertEquals(2, retried.tracked());
    }

    @Test
    void aFailedChangedPageDoesNotStopTheNewSectionAndViceVersa() {
        UUID a = source.add(held("member-a"));
        service.run("test");
        source.update(a, paid(source.records.get(a)));
        UUID b = source.add(held("member-b"));
        server.failOn = batch -> batch.section() == SyncSection.NEW;
        SyncRun run = service.run("test").run();
        assertEquals(1, run.failedPages());
        assertEquals(1, run.acknowledged(), "section 2 ran after section 1 failed");
        assertTrue(!tracking.tracked.containsKey(b));
    }

    @Test
    void offWithoutAnAppServerAndOnceAtATime() {
        server.configured = false;
        RunPartnerSyncUseCase.Result off = service.run("test");
        assertEquals(RunPartnerSyncUseCase.Outcome.DISABLED, off.outcome());
        assertNull(off.run());
        server.configured = true;
        leaseFree = false;
        assertEquals(
                RunPartnerSyncUseCase.Outcome.RUNNING_ELSEWHERE,
                service.run("test").outcome());
        assertTrue(runs.runs.isEmpty());
    }

    /** One more run; the ids sent in its CHANGED section. */
    private List<UUID> sentAgain() {
        server.batches.clear();
        service.run("test");
        return server.batches.stream()
                .filter(b -> b.section() == SyncSection.CHANGED)
                .flatMap(b -> b.records().stream())
                .map(BookingRecord::reservationId)
                .toList();
    }

    // --- records ---

    private static BookingRecord held(String user) {
        return new BookingRecord(UUID.randomUUID(), user, 1, 1, 1, 1000, ReservationStatus.HELD, T0, T0, null, null);
    }

    private static BookingRecord with(BookingRecord r, ReservationStatus status) {
        return new BookingRecord(
                r.reservationId(),
                r.userId(),
                1,
                1,
                1,
                1000,
                status,
                r.createdAt(),
                T0.plusSeconds(5),
                r.payment(),
                r.checkIn());
    }

    private static BookingRecord paid(BookingRecord r) {
        return new BookingRecord(
                r.reservationId(),
                r.userId(),
                1,
                1,
                1,
                1000,
                ReservationStatus.CONFIRMED,
                r.createdAt(),
                T0.plusSeconds(10),
                new PaymentSection(UUID.randomUUID(), 1000, T0.plusSeconds(10), null),
                null);
    }

    private static BookingRecord refunded(BookingRecord r) {
        PaymentSection p = r.payment();
        return new BookingRecord(
                r.reservationId(),
                r.userId(),
                1,
                1,
                1,
                1000,
                r.status(),
                r.createdAt(),
                T0.plusSeconds(20),
                new PaymentSection(p.id(), p.amount(), p.paidAt(), T0.plusSeconds(20)),
                null);
    }

    private static BookingRecord checkedIn(BookingRecord r) {
        return new BookingRecord(
                r.reservationId(),
                r.userId(),
                1,
                1,
                1,
                1000,
                r.status(),
                r.createdAt(),
                r.updatedAt(),
                r.payment(),
                new CheckInSection(T0.plusSeconds(30)));
    }

    // --- in-memory ports ---

    /** The main tables: records in the order they were committed. */
    static final class Source implements BookingRecordSource {
        final Map<UUID, BookingRecord> records = new LinkedHashMap<>();
        final Map<UUID, Long> order = new HashMap<>();

        UUID add(BookingRecord r) {
            records.put(r.reservationId(), r);
            order.put(r.reservationId(), (long) order.size() + 1);
            return r.reservationId();
        }

        void update(UUID id, BookingRecord r) {
            records.put(id, r);
        }

        @Override
        public NewPage newRecords(Position after, int limit) {
            List<BookingRecord> page = records.values().stream()
                    .filter(r -> order.get(r.reservationId()) > after.transaction())
                    .limit(limit)
                    .toList();
            Position last = page.isEmpty()
                    ? null
                    : new Position(
                            order.get(page.getLast().reservationId()),
                            page.getLast().reservationId());
            return new NewPage(page, last);
        }

        @Override
        public Map<UUID, BookingRecord> current(Collection<UUID> ids) {
            Map<UUID, BookingRecord> found = new HashMap<>();
            ids.forEach(id -> found.put(id, records.get(id)));
            return found;
        }
    }

    /** The tracking store and cursor, and the transactions that roll them back when a page throws. */
    static final class Tracking implements SyncTrackingStore, ChunkTransactions {
        Position cursor = new Position(0, new UUID(0, 0));
        TreeMap<UUID, BookingRecord> tracked = new TreeMap<>();

        @Override
        public <T> T inNewTransaction(Duration timeout, Supplier<T> work) {
            Position cursorBefore = cursor;
            TreeMap<UUID, BookingRecord> trackedBefore = new TreeMap<>(tracked);
            try {
                return work.get();
            } catch (RuntimeException e) {
                cursor = cursorBefore;
                tracked = trackedBefore;
                throw e;
            }
        }

        @Override
        public Position lock(SyncSection section) {
            return section == SyncSection.NEW ? cursor : null;
        }

        @Override
        public void advance(Position position, Instant now) {
            cursor = position;
        }

        @Override
        public List<Tracked> page(UUID afterId, int limit) {
            return (afterId == null ? tracked : tracked.tailMap(afterId, false))
                    .entrySet().stream()
                            .limit(limit)
                            .map(e -> new Tracked(e.getKey(), e.getValue()))
                            .toList();
        }

        @Override
        public void track(Collection<BookingRecord> snapshots, UUID batchId, Instant now) {
            snapshots.forEach(r -> tracked.put(r.reservationId(), r));
        }

        @Override
        public void untrack(Collection<UUID> reservationIds) {
            reservationIds.forEach(tracked::remove);
        }

        @Override
        public long trackedCount() {
            return tracked.size();
        }
    }

    static final class Server implements PartnerServer {
        final List<SyncBatch> batches = new ArrayList<>();
        Predicate<BookingRecord> members = r -> true;
        Predicate<SyncBatch> failOn = b -> false;
        int failures;
        boolean configured = true;

        @Override
        public Set<UUID> send(SyncBatch batch) {
            batches.add(batch);
            if (failures > 0 || failOn.test(batch)) {
                failures = Math.max(0, failures - 1);
                throw new PartnerServerException("HTTP 500", null);
            }
            return batch.records().stream()
                    .filter(members)
                    .map(BookingRecord::reservationId)
                    .collect(Collectors.toCollection(HashSet::new));
        }

        @Override
        public boolean configured() {
            return configured;
        }

        List<Integer> sizes(SyncSection section) {
            return batches.stream()
                    .filter(b -> b.section() == section)
                    .map(SyncBatch::size)
                    .toList();
        }

        Set<UUID> ids(SyncSection section) {
            return batches.stream()
                    .filter(b -> b.section() == section)
                    .flatMap(b -> b.records().stream())
                    .map(BookingRecord::reservationId)
                    .collect(Collectors.toSet());
        }
    }

    static final class Runs implements SyncRunStore {
        final List<SyncRun> runs = new ArrayList<>();

        @Override
        public void started(SyncRun run) {
            runs.add(run);
        }

        @Override
        public void finished(SyncRun run) {
            runs.replaceAll(r -> r.id().equals(run.id()) ? run : r);
        }

        /** Newest first in the order they started (the test's runs start at distinct instants). */
        @Override
        public Page<SyncRun> latest(PageRequest page) {
            List<SyncRun> rows = runs.reversed().stream()
                    .filter(r -> page.after() == null
                            || PageKey.at(r.startedAt(), r.id()).position()
                                    < page.after().position())
                    .limit(page.probe())
                    .toList();
            return Page.of(rows, page, r -> PageKey.at(r.startedAt(), r.id()));
        }
    }
}
