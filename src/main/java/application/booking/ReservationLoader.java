package application.booking;

import application.booking.port.out.ReservationRepository;
import domain.reservation.Reservation;
import domain.reservation.ReservationConflictException;
import domain.shared.NotFoundException;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Loading a caller's reservation and writing a transition guarded against concurrent ones. */
@ApplicationScoped
public class ReservationLoader {
    private final ReservationRepository reservations;

    public ReservationLoader(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    public Reservation ownedBy(UserId userId, UUID reservationId) {
        return reservations
                .findById(reservationId)
                .orElseThrow(() -> new NotFoundException("reservation", reservationId))
                .requireOwnedBy(userId);
    }

    /** Writes the transition, or reports the status another request left when it got there first. */
    public void saveIfStillHeld(Reservation updated, Instant now) {
        if (!reservations.saveIfStillHeld(updated, now)) {
            Reservation current = reservations.findById(updated.id()).orElseThrow();
            throw new ReservationConflictException(updated.id(), current.statusAt(now), "changed concurrently");
        }
    }
}
