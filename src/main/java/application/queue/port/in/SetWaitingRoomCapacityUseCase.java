package application.queue.port.in;

import domain.queue.WaitingRoomStats;

public interface SetWaitingRoomCapacityUseCase {
    /** Changes how many fans of the concert may be ACTIVE at once (0 pauses admission). */
    WaitingRoomStats setMaxActive(long concertId, int maxActive);
}
