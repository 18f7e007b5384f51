package application.booking.port.out;

import domain.event.DomainEvent;
import domain.reservation.Reservation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ReservationRepository {
    /**
     * Stores a new reservation and records the event that announces it, in one write (one round
     * trip): both or neither, in the caller's transaction.
     */
    void insert(Reservation reservation, DomainEvent created);

    /**
     * {@link #insert} unless the reservation's user already has {@code maxLiveHolds} live holds on its
     * concert at {@code now} (HELD and not lapsed: the rule of {@code Reservation.statusAt}); then
     * nothing is written and the answer is false. One write either way. Exact under concurrency
     * when the caller's transaction took the user's turn first ({@link SeatInventory#hold}).
     */
    boolean insertWithinLimit(Reservation reservation, DomainEvent created, int maxLiveHolds, Instant now);

    Optional<Reservation> findById(UUID id);

    /**
     * Writes the reservation's new status if it is still HELD with a hold that has not lapsed at
     * {@code now}; false when another request changed it first (nothing written).
     */
    boolean saveIfStillHeld(Reservation updated, Instant now);

    /**
     * Marks up to {@code limit} lapsed holds EXPIRED and returns them. Each is returned to exactly
     * one caller, however many run at once.
     */
    List<Reservation> expireLapsed(Instant now, int limit);
}
