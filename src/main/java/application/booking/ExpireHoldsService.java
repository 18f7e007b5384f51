package application.booking;

import application.port.ReservationRepository;
import application.port.SeatInventory;
import domain.reservation.Reservation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Writes down what reads already know: a lapsed hold is EXPIRED and its seat AVAILABLE. Safe from
 * any number of instances: each lapsed reservation is claimed by exactly one of them.
 */
@ApplicationScoped
public class ExpireHoldsService implements ExpireHoldsUseCase {
    private final ReservationRepository reservations;
    private final SeatInventory seats;
    private final Clock clock;

    public ExpireHoldsService(ReservationRepository reservations, SeatInventory seats, Clock clock) {
        this.reservations = reservations;
        this.seats = seats;
        this.clock = clock;
    }

    @Override
    @Transactional
    public int expireBatch(int batchSize) {
        List<Reservation> expired = reservations.expireLapsed(clock.instant(), batchSize);
        for (Reservation reservation : expired) {
            seats.release(reservation.seatId(), reservation.id());
        }
        return expired.size();
    }
}
