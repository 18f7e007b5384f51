package adapters.postgres;

import application.booking.port.out.ReservationRepository;
import application.shared.Page;
import application.shared.PageKey;
import application.shared.PageRequest;
import domain.event.DomainEvent;
import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;
import domain.shared.UserId;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostgresReservationRepository implements ReservationRepository {
    /**
     * A live hold at {@code :now}: HELD and not lapsed, as {@code Reservation.statusAt} reads it (a
     * hold whose expiry has come is EXPIRED before any job writes that down). Every statement that
     * asks "still held?" uses this predicate.
     */
    static final String LIVE_HOLD = "status = 'HELD' AND expires_at > :now";

    private final Entities entities;
    private final PostgresOutbox outbox;

    public PostgresReservationRepository(Entities entities, PostgresOutbox outbox) {
        this.entities = entities;
        this.outbox = outbox;
    }

    /** The reservation's INSERT runs as a CTE of the event's INSERT: one statement, one round trip. */
    @Override
    public void insert(Reservation reservation, DomainEvent created) {
        outbox.appendWith("""
                INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price,
                                         status, expires_at, created_at, updated_at, order_id)
                VALUES (:reservation, :user, :concert, :schedule, :seat, :number, :price,
                        :status, :expires, :created, :created, :order)
                """, row(reservation), created);
    }

    /**
     * The conditional INSERT (its row only while the user's live holds on the concert are fewer than
     * the limit; served by {@code reservation_held_user_idx}) as a CTE of the event's INSERT, which
     * copies a row only when there is one: one statement, one round trip, like {@link #insert}.
     */
    @Override
    public boolean insertWithinLimit(Reservation reservation, DomainEvent created, int maxLiveHolds, Instant now) {
        Map<String, Object> row = row(reservation);
        row.put("max", maxLiveHolds);
        row.put("now", now);
        return outbox.appendForEachRow("""
                INSERT INTO reservation (id, user_id, concert_id, schedule_id, seat_id, seat_number, price,
                                         status, expires_at, created_at, updated_at, order_id)
                SELECT :reservation, :user, :concert, :schedule, :seat, :number, :price,
                       :status, :expires, :created, :created, :order
                WHERE (SELECT count(*) FROM reservation
                       WHERE user_id = :user AND concert_id = :concert AND %s) < :max
                RETURNING id
                """.formatted(LIVE_HOLD), row, created) == 1;
    }

    private static Map<String, Object> row(Reservation reservation) {
        Map<String, Object> row = new HashMap<>();
        row.put("reservation", reservation.id());
        row.put("user", reservation.userId().value());
        row.put("concert", reservation.concertId());
        row.put("schedule", reservation.scheduleId());
        row.put("seat", reservation.seatId());
        row.put("number", reservation.seatNumber());
        row.put("price", reservation.price().won());
        row.put("status", reservation.storedStatus().name());
        row.put("expires", reservation.expiresAt());
        row.put("created", reservation.createdAt());
        row.put("order", reservation.orderId());
        return row;
    }

    @Override
    public Optional<Reservation> findById(UUID id) {
        return entities.findByIdOptional(id).map(PersistenceMapper::reservation);
    }

    @Override
    public boolean saveIfStillHeld(Reservation updated, Instant now) {
        int changed = Jdbc.update(
                entities.getEntityManager(),
                """
                UPDATE reservation SET status = :status, updated_at = :now
                WHERE id = :id AND %s
                """.formatted(LIVE_HOLD),
                Map.of("status", updated.storedStatus().name(), "now", now, "id", updated.id()));
        // the row changed (or someone else changed it) behind the persistence context: forget the
        // loaded copy, so a later read in this transaction sees the row, without a query now
        entities.findByIdOptional(updated.id()).ifPresent(entities.getEntityManager()::detach);
        return changed == 1;
    }

    /**
     * The expired rows are read from the statement's {@code RETURNING}, not as entities: the
     * persistence context never holds a copy that the UPDATE has already outdated.
     */
    @Override
    public List<Reservation> expireLapsed(Instant now, int limit) {
        // MATERIALIZED: the claim runs once, so a runner locks only the rows it expires; an IN (…)
        // subquery may be rescanned by a nested-loop plan and lock (and so hide from the other
        // runners) more rows than its LIMIT, which then stay HELD until the next run
        return Jdbc.query(
                entities.getEntityManager(), """
                WITH claimed AS MATERIALIZED (
                    SELECT id FROM reservation
                    WHERE status = 'HELD' AND expires_at <= :now
                    ORDER BY expires_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE reservation r SET status = 'EXPIRED', updated_at = :now
                FROM claimed
                WHERE r.id = claimed.id AND r.status = 'HELD'
                RETURNING r.*
                """, Map.of("now", now, "limit", limit), PersistenceMapper::reservation);
    }

    /**
     * {@code Reservation.statusAt(:now)} is EXPIRED for a stored EXPIRED row and for a lapsed hold,
     * HELD only for a live hold ({@link #LIVE_HOLD}), and the stored status otherwise.
     */
    private static final String LAPSED_OR_EXPIRED = "(status = 'EXPIRED' OR (status = 'HELD' AND expires_at <= :now))";

    /**
     * Keyset paging on {@code (created_at, id)} descending, served by {@code reservation_user_created_idx}
     * (V12; docs/queries.md): a page costs its own rows however many pages came before it, and a
     * reservation made meanwhile sorts before the key, so it never shifts the pages still to come.
     */
    @Override
    public Page<Reservation> ownedBy(UserId user, Optional<ReservationStatus> status, Instant now, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("user", user.value());
        parameters.put("limit", page.probe());
        StringBuilder sql = new StringBuilder("SELECT * FROM reservation WHERE user_id = :user");
        status.ifPresent(wanted -> {
            parameters.put("now", now);
            switch (wanted) {
                case HELD -> sql.append(" AND ").append(LIVE_HOLD);
                case EXPIRED -> sql.append(" AND ").append(LAPSED_OR_EXPIRED);
                default -> {
                    sql.append(" AND status = :status");
                    parameters.put("status", wanted.name());
                }
            }
        });
        if (page.after() != null) {
            sql.append(" AND (created_at, id) < (:afterAt, :afterId)");
            parameters.put("afterAt", page.after().instant());
            parameters.put("afterId", page.after().id());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
        List<Reservation> rows =
                Jdbc.query(entities.getEntityManager(), sql.toString(), parameters, PersistenceMapper::reservation);
        return Page.of(rows, page, r -> PageKey.at(r.createdAt(), r.id()));
    }

    /**
     * Like {@link #expireLapsed}, for the live or lapsed holds of schedules whose sale has closed
     * (their start at or before {@code :closedUpTo}, {@code BookingWindow.closedUpTo}); served by
     * {@code reservation_held_expiry_idx} (only HELD rows) and the schedule's primary key.
     */
    @Override
    public List<Reservation> expireAtSaleClose(Instant closedUpTo, Instant now, int limit) {
        return Jdbc.query(
                entities.getEntityManager(),
                """
                WITH claimed AS MATERIALIZED (
                    SELECT r.id FROM reservation r
                    JOIN schedule s ON s.id = r.schedule_id
                    WHERE r.status = 'HELD' AND s.starts_at <= :closedUpTo
                    ORDER BY r.expires_at
                    LIMIT :limit
                    FOR UPDATE OF r SKIP LOCKED)
                UPDATE reservation r SET status = 'EXPIRED', updated_at = :now
                FROM claimed
                WHERE r.id = claimed.id AND r.status = 'HELD'
                RETURNING r.*
                """,
                Map.of("closedUpTo", closedUpTo, "now", now, "limit", limit),
                PersistenceMapper::reservation);
    }

    @ApplicationScoped
    static class Entities implements PanacheRepositoryBase<ReservationEntity, UUID> {}
}
