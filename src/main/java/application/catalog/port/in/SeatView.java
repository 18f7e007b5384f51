package application.catalog.port.in;

import domain.concert.Seat;
import domain.concert.SeatStatus;

/** A seat with its status read at the moment of the request. */
public record SeatView(Seat seat, SeatStatus status) {}
