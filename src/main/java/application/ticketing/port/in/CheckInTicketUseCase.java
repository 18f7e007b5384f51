package application.ticketing.port.in;

import domain.shared.UserId;

public interface CheckInTicketUseCase {
    /**
     * Lets the holder of a code in: the first check-in of a ticket succeeds, every later one (also
     * concurrent ones, on any instance) is refused with the time of the first. A code that does not
     * verify, a ticket the service does not have, a void ticket, and a ticket for another schedule
     * than the gate's are refused without changing anything.
     */
    TicketView checkIn(Command command);

    /**
     * {@code gateScheduleId}: the schedule the gate admits to, when it says (null: any schedule).
     */
    record Command(UserId gateKeeper, String code, Long gateScheduleId) {}
}
