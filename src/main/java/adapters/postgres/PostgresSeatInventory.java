package adapters.postgres;

import application.booking.port.out.SeatInventory;
import domain.shared.Money;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
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
        return rows.isEmpty() ? Refusal.NO_SUCH_SEAT : rows.getFirst();
    }

    @Override
    public boolean sell(long seatId, UUID reservationId) {
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
