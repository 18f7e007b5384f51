package adapters.postgres;

import application.booking.port.out.SeatInventory;
import domain.concert.ScheduleCancelledException;
import domain.shared.Money;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seats change hands only through these single conditional statements. Under READ COMMITTED a
 * concurrent UPDATE of the same row waits for the winner and then re-checks the WHERE clause
 * against the winner's result, so exactly one of any number of holds on a seat matches.
 */
@ApplicationScoped
public class PostgresSeatInventory implements SeatInventory {
    private final EntityManager em;

    public PostgresSeatInventory(EntityManager em) {
        this.em = em;
    }

    /**
     * The conditional UPDATE and, when it took nothing, whether the seat exists, in one statement:
     * a row with the seat's id and price (held), a row of NULLs (taken), or no row (no such seat).
     * The existence check reads the statement's snapshot, which is enough: seats are never deleted.
     *
     * <p>The holder's turn on the concert is a transaction-level advisory lock on a 64-bit hash of
     * (user, concert), taken in the RETURNING clause, so only when the seat was taken: a refused
     * hold (most of them at an on-sale) never waits for it, and no round trip is added. It is held
     * to the end of the transaction; the caller's next statement (the reservation insert, which
     * counts the holder's live holds) starts a new READ COMMITTED snapshot after it was granted, so
     * it sees every hold that the previous turn's transaction committed. Other instances share
     * the lock through the database. A hash collision only makes two fans take turns.
     */
    @Override
    public HoldOutcome hold(
            long scheduleId,
            int seatNumber,
            UUID reservationId,
            Instant holdExpiresAt,
            Instant now,
            UserId holder,
            long concertId) {
        List<HoldOutcome> rows = Jdbc.query(
                em,
                """
                WITH held AS (
                    UPDATE seat SET status = 'HELD', reservation_id = :reservation, hold_expires_at = :expires
                    WHERE schedule_id = :schedule AND number = :number
                      AND (status = 'AVAILABLE' OR (status = 'HELD' AND hold_expires_at <= :now))
                    RETURNING id, price, pg_advisory_xact_lock(hashtextextended(:holder, :concert)) AS turn
                )
                SELECT id, price FROM held
                UNION ALL
                SELECT NULL, NULL FROM seat
                WHERE schedule_id = :schedule AND number = :number AND NOT EXISTS (SELECT 1 FROM held)
                """,
                Map.of(
                        "reservation", reservationId,
                        "expires", holdExpiresAt,
                        "schedule", scheduleId,
                        "number", seatNumber,
                        "now", now,
                        "holder", holder.value(),
                        "concert", concertId),
                row -> {
                    Long id = row.nullableLong("id");
                    return id == null ? Refusal.TAKEN : new HeldSeat(id, Money.won(row.longValue("price")));
                });
        if (rows.isEmpty()) {
            return Refusal.NO_SUCH_SEAT;
        }
        if (rows.getFirst() instanceof HeldSeat) {
            // only a hold that took its seat pays this round trip (a refused one changes nothing)
            requireOnSale(
                    "SELECT id, cancelled_at FROM schedule WHERE id = :schedule FOR KEY SHARE",
                    Map.of("schedule", scheduleId));
        }
        return rows.getFirst();
    }

    /**
     * A cancelled schedule sells nothing ({@code ScheduleCancelledException}). FOR KEY SHARE on the
     * schedule row: a cancellation (which locks it FOR UPDATE) waits for this transaction, and this
     * one, if the cancellation came first, waits for its commit and then reads the row it left.
     */
    private void requireOnSale(String sql, Map<String, ?> parameters) {
        List<Long> cancelled =
                Jdbc.query(em, sql, parameters, row -> row.instant("cancelled_at") != null ? row.longValue("id") : -1L);
        if (!cancelled.isEmpty() && cancelled.getFirst() >= 0) {
            throw new ScheduleCancelledException(cancelled.getFirst());
        }
    }

    /**
     * One statement takes the order ({@link #takeAll}), then one more takes the holder's turn. The {@code locked} CTE
     * locks the claimed seats that exist, sorted by id ({@code ORDER BY} is applied before {@code
     * FOR UPDATE}, so the row locks are taken in that order), and reads each one's latest committed
     * version after its lock was granted: {@code free} spells {@code Seat.isAvailableAt}. The UPDATE
     * writes only when every claim found its seat and every seat is free, so a refused order writes
     * nothing. The turn ({@code pg_advisory_xact_lock}) is a second statement, only after a
     * successful order: after the last seat lock, never between two (see {@link #hold}).
     */
    @Override
    public OrderOutcome holdAll(
            long scheduleId,
            List<SeatClaim> claims,
            Instant holdExpiresAt,
            Instant now,
            UserId holder,
            long concertId) {
        OrderOutcome outcome = takeAll(
                scheduleId,
                claims,
                now,
                "status = 'HELD', hold_expires_at = :expires",
                Map.of("expires", holdExpiresAt));
        if (outcome instanceof RefusedOrder) {
            return outcome;
        }
        // as for one seat: a cancelled schedule holds nothing (the exception rolls the order back)
        requireOnSale(
                "SELECT id, cancelled_at FROM schedule WHERE id = :schedule FOR KEY SHARE",
                Map.of("schedule", scheduleId));
        Jdbc.query(
                em,
                "SELECT 1 AS turn FROM pg_advisory_xact_lock(hashtextextended(:holder, :concert))",
                Map.of("holder", holder.value(), "concert", concertId),
                row -> row.intValue("turn"));
        return outcome;
    }

    /**
     * The box office sells an order as {@link #holdAll} takes one (D61): the same one statement, the
     * seats locked in id order, SOLD to their claims' reservations all or none; then the schedule's
     * cancellation is checked as for a hold (the exception rolls the sale back). No holder's turn.
     */
    @Override
    public OrderOutcome sellAll(long scheduleId, List<SeatClaim> claims, Instant now) {
        OrderOutcome outcome = takeAll(scheduleId, claims, now, "status = 'SOLD', hold_expires_at = NULL", Map.of());
        if (outcome instanceof HeldOrder) {
            requireOnSale(
                    "SELECT id, cancelled_at FROM schedule WHERE id = :schedule FOR KEY SHARE",
                    Map.of("schedule", scheduleId));
        }
        return outcome;
    }

    /**
     * One statement takes an order's seats or none. The {@code locked} CTE locks the claimed seats
     * that exist, sorted by id ({@code ORDER BY} is applied before {@code FOR UPDATE}, so the row
     * locks are taken in that order), and reads each one's latest committed version after its lock
     * was granted: {@code free} spells {@code Seat.isAvailableAt}. The UPDATE ({@code set}: the new
     * status and expiry; the claim's reservation always) writes only when every claim found its seat
     * and every seat is free, so a refused order writes nothing.
     */
    private OrderOutcome takeAll(
            long scheduleId, List<SeatClaim> claims, Instant now, String set, Map<String, Object> setParameters) {
        List<Integer> numbers = new ArrayList<>(claims.size());
        List<UUID> reservations = new ArrayList<>(claims.size());
        for (SeatClaim claim : claims) {
            numbers.add(claim.seatNumber());
            reservations.add(claim.reservationId());
        }
        Map<String, Object> parameters = new HashMap<>(setParameters);
        parameters.put("numbers", Jdbc.array("integer", numbers));
        parameters.put("reservations", Jdbc.array("uuid", reservations));
        parameters.put("schedule", scheduleId);
        parameters.put("now", now);
        parameters.put("claims", (long) claims.size());
        List<LockedSeat> locked = Jdbc.query(
                em,
                """
                WITH claim AS (
                    SELECT * FROM unnest(CAST(:numbers AS integer[]), CAST(:reservations AS uuid[]))
                        AS c (number, reservation_id)
                ), locked AS MATERIALIZED (
                    SELECT id, number, price,
                           CASE WHEN status = 'AVAILABLE' OR (status = 'HELD' AND hold_expires_at <= :now)
                                THEN 1 ELSE 0 END AS free
                    FROM seat
                    WHERE schedule_id = :schedule AND number = ANY(CAST(:numbers AS integer[]))
                    ORDER BY id
                    FOR UPDATE
                ), held AS (
                    UPDATE seat s SET %s, reservation_id = c.reservation_id
                    FROM locked l JOIN claim c ON c.number = l.number
                    WHERE s.id = l.id
                      AND (SELECT count(*) FROM locked WHERE free = 1) = :claims
                    RETURNING s.id
                )
                SELECT l.id, l.number, l.price, l.free, (SELECT count(*) FROM held) AS held FROM locked l
                """.formatted(set),
                parameters,
                row -> new LockedSeat(
                        row.longValue("id"),
                        row.intValue("number"),
                        Money.won(row.longValue("price")),
                        row.intValue("free") == 1,
                        row.longValue("held")));
        if (locked.isEmpty() || locked.getFirst().held() != claims.size()) {
            List<Integer> taken = new ArrayList<>();
            List<Integer> missing = new ArrayList<>(numbers);
            for (LockedSeat seat : locked) {
                missing.remove(Integer.valueOf(seat.number()));
                if (!seat.free()) {
                    taken.add(seat.number());
                }
            }
            return new RefusedOrder(
                    taken.stream().sorted().toList(), missing.stream().sorted().toList());
        }
        Map<Integer, HeldSeat> held = new HashMap<>();
        locked.forEach(seat -> held.put(seat.number(), new HeldSeat(seat.id(), seat.price())));
        return new HeldOrder(held);
    }

    private record LockedSeat(long id, int number, Money price, boolean free, long held) {}

    @Override
    public boolean sell(long seatId, UUID reservationId) {
        requireOnSale("""
                SELECT sc.id, sc.cancelled_at FROM seat s JOIN schedule sc ON sc.id = s.schedule_id
                WHERE s.id = :seat FOR KEY SHARE OF sc
                """, Map.of("seat", seatId));
        return Jdbc.update(em, """
                        UPDATE seat SET status = 'SOLD', hold_expires_at = NULL
                        WHERE id = :seat AND reservation_id = :reservation AND status = 'HELD'
                        """, Map.of("seat", seatId, "reservation", reservationId)) == 1;
    }

    @Override
    public boolean release(long seatId, UUID reservationId) {
        return Jdbc.update(em, """
                        UPDATE seat SET status = 'AVAILABLE', reservation_id = NULL, hold_expires_at = NULL
                        WHERE id = :seat AND reservation_id = :reservation AND status = 'HELD'
                        """, Map.of("seat", seatId, "reservation", reservationId)) == 1;
    }
}
