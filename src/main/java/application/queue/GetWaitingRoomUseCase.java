package application.queue;

import domain.queue.WaitingRoomStats;

public interface GetWaitingRoomUseCase {
    WaitingRoomStats stats(long concertId);
}
