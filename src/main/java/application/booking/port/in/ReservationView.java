package application.booking.port.in;

import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;

/** A reservation with its status read at the moment of the request (a lapsed hold reads EXPIRED). */
public record ReservationView(Reservation reservation, ReservationStatus status) {}
