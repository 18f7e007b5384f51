package application.booking.port.in;

import domain.shared.UserId;

public interface HoldSeatUseCase {
    ReservationView hold(Command command);

    record Command(UserId userId, String queueToken, long scheduleId, int seatNumber) {}
}
