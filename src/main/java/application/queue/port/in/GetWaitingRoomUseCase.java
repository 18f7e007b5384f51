package application.queue.port.in;

import domain.queue.WaitingRoomStats;

public interface GetWaitingRoomUseCase {
    WaitingRoomStats stats(long concertId);
}
