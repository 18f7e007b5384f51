package application.queue.port.in;

import domain.queue.WaitingRoomStats;
import java.util.List;

public interface ListWaitingRoomsUseCase {
    /** Every waiting room with anyone in it. */
    List<WaitingRoomStats> list();
}
