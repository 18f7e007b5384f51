package application.booking.port.in;

import application.shared.Page;
import application.shared.PageRequest;
import domain.reservation.ReservationStatus;
import domain.shared.UserId;
import java.util.Optional;

/**
 * The caller's own reservations, newest first (by when they were made, then by id), one page at a
 * time; optionally only those whose status, read at the moment of the request, is {@code status} (a
 * lapsed hold is EXPIRED, as {@link GetReservationUseCase} reads it).
 */
public interface ListMyReservationsUseCase {
    Page<ReservationView> list(UserId userId, Optional<ReservationStatus> status, PageRequest page);
}
