package application.queue;

import domain.queue.WaitingRoomStats;
import java.util.List;

public interface ListWaitingRoomsUseCase {
    /** Every waiting room with anyone in it. */
    List<WaitingRoomStats> list();
}
