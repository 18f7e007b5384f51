package application.booking;

import application.booking.port.in.ListMyReservationsUseCase;
import application.booking.port.in.ReservationView;
import application.booking.port.out.ReservationRepository;
import application.shared.Page;
import application.shared.PageRequest;
import domain.reservation.ReservationStatus;
import domain.shared.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class ListMyReservationsService implements ListMyReservationsUseCase {
    private final ReservationRepository reservations;
    private final Clock clock;

    public ListMyReservationsService(ReservationRepository reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    /** One instant for the filter and the statuses shown, so a hold cannot lapse between the two. */
    @Override
    @Transactional
    public Page<ReservationView> list(UserId userId, Optional<ReservationStatus> status, PageRequest page) {
        Instant now = clock.instant();
        return reservations
                .ownedBy(userId, status, now, page)
                .map(reservation -> new ReservationView(reservation, reservation.statusAt(now)));
    }
}
