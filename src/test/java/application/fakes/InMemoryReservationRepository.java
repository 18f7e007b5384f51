package application.fakes;

import application.booking.port.out.ReservationRepository;
import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import domain.event.DomainEvent;
import domain.reservation.HoldPolicy;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reservations in memory, with the guards of {@code PostgresReservationRepository} stated by the
 * domain: a transition is written only while the row is a live hold ({@link Reservation#isHeldAt});
 * expiry claims lapsed holds ({@link Reservation#isLapsedAt}) oldest expiry first; a limited insert
 * counts the user's live holds on the concert and applies {@link HoldPolicy#allowsAnotherHold} under
 * one lock, as the SQL does under the holder's turn.
 */
public final class InMemoryReservationRepository implements ReservationRepository, TransactionalFake {
    private final InMemoryOutbox outbox;
    private final java.util.function.LongFunction<Optional<Instant>> scheduleStarts;
    private Map<UUID, Reservation> rows = new LinkedHashMap<>();
    private Runnable beforeNextSave;

    /** New reservations record their event in this outbox. */
    public InMemoryReservationRepository(InMemoryOutbox outbox) {
        this(outbox, scheduleId -> Optional.empty());
    }

    /** ... and the schedules' starts come from {@code scheduleStarts} (the sale-close expiry joins them). */
    public InMemoryReservationRepository(
            InMemoryOutbox outbox, java.util.function.LongFunction<Optional<Instant>> scheduleStarts) {
        this.outbox = outbox;
        this.scheduleStarts = scheduleStarts;
    }

    @Override
    public synchronized void insert(Reservation reservation, DomainEvent created) {
        if (rows.containsKey(reservation.id())) {
            throw new IllegalStateException("duplicate reservation id " + reservation.id());
        }
        rows.put(reservation.id(), reservation);
        outbox.append(created);
    }

    @Override
    public synchronized boolean insertWithinLimit(
            Reservation reservation, DomainEvent created, int maxLiveHolds, Instant now) {
        long live = rows.values().stream()
                .filter(r -> r.userId().equals(reservation.userId())
                        && r.concertId() == reservation.concertId()
                        && r.isHeldAt(now))
                .count();
        if (!HoldPolicy.allowsAnotherHold(live, maxLiveHolds)) {
            return false;
        }
        insert(reservation, created);
        return true;
    }

    /**
     * For the refund fake: writes {@code refunded} if the stored row is still CONFIRMED, as {@code
     * PostgresRefundStore}'s conditional UPDATE does.
     */
    public synchronized boolean saveIfConfirmed(Reservation refunded) {
        Reservation current = rows.get(refunded.id());
        if (current == null || current.storedStatus() != domain.reservation.ReservationStatus.CONFIRMED) {
            return false;
        }
        rows.put(refunded.id(), refunded);
        return true;
    }

    @Override
    public synchronized Optional<Reservation> findById(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public boolean saveIfStillHeld(Reservation updated, Instant now) {
        Runnable race;
        synchronized (this) {
            race = beforeNextSave;
            beforeNextSave = null;
        }
        if (race != null) {
            race.run();
        }
        synchronized (this) {
            Reservation current = rows.get(updated.id());
            if (current == null || !current.isHeldAt(now)) {
                return false;
            }
            rows.put(updated.id(), updated);
            return true;
        }
    }

    @Override
    public synchronized List<Reservation> expireLapsed(Instant now, int limit) {
        List<Reservation> lapsed = rows.values().stream()
                .filter(r -> r.isLapsedAt(now))
                .sorted(Comparator.comparing(Reservation::expiresAt))
                .limit(limit)
                .map(r -> r.expire(now))
                .toList();
        lapsed.forEach(r -> rows.put(r.id(), r));
        return lapsed;
    }

    /**
     * Newest first by the key PostgreSQL sorts on: {@code created_at} in microseconds, then the id as
     * PostgreSQL compares a uuid (its bytes unsigned, which is the order of its lowercase text).
     */
    @Override
    public synchronized Page<Reservation> ownedBy(
            UserId user, Optional<ReservationStatus> status, Instant now, PageRequest page) {
        Comparator<PageKey> order = NEWEST_FIRST;
        List<Reservation> rows = this.rows.values().stream()
                .filter(r -> r.userId().equals(user))
                .filter(r -> status.map(wanted -> r.statusAt(now) == wanted).orElse(true))
                .filter(r -> page.after() == null || order.compare(key(r), page.after()) > 0)
                .sorted(Comparator.comparing(InMemoryReservationRepository::key, order))
                .limit(page.probe())
                .toList();
        return Page.of(rows, page, InMemoryReservationRepository::key);
    }

    /** Descending (position, id): the order of every newest-first list. */
    public static final Comparator<PageKey> NEWEST_FIRST = Comparator.comparingLong(PageKey::position)
            .thenComparing(k -> k.id().toString())
            .reversed();

    private static PageKey key(Reservation r) {
        return PageKey.at(r.createdAt(), r.id());
    }

    @Override
    public synchronized List<Reservation> expireAtSaleClose(Instant closedUpTo, Instant now, int limit) {
        List<Reservation> closed = rows.values().stream()
                .filter(r -> r.storedStatus() == domain.reservation.ReservationStatus.HELD)
                .filter(r -> scheduleStarts
                        .apply(r.scheduleId())
                        .map(startsAt -> !startsAt.isAfter(closedUpTo))
                        .orElse(false))
                .sorted(Comparator.comparing(Reservation::expiresAt))
                .limit(limit)
                .map(r -> r.expireAtSaleClose(now))
                .toList();
        closed.forEach(r -> rows.put(r.id(), r));
        return closed;
    }

    /** Simulates another request that changes the row between our read and our guarded write. */
    public synchronized void beforeNextSaveIfStillHeld(Runnable race) {
        this.beforeNextSave = race;
    }

    /** Writes a row as another request would, bypassing every guard. */
    public synchronized void overwrite(Reservation reservation) {
        rows.put(reservation.id(), reservation);
    }

    public synchronized int size() {
        return rows.size();
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<UUID, Reservation> saved = new LinkedHashMap<>(rows);
        return () -> {
            synchronized (this) {
                rows = new LinkedHashMap<>(saved);
            }
        };
    }
}
