package application.booking;

import domain.shared.UserId;

public interface HoldSeatUseCase {
    ReservationView hold(Command command);

    record Command(UserId userId, String queueToken, long scheduleId, int seatNumber) {}
}
