package application.booking;

import domain.reservation.Reservation;
import domain.reservation.ReservationStatus;

/** A reservation with its status read at the moment of the request (a lapsed hold reads EXPIRED). */
public record ReservationView(Reservation reservation, ReservationStatus status) {}
