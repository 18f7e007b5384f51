package application.port;

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
