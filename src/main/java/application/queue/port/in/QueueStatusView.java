package application.queue.port.in;

import domain.queue.QueueTicket;
import java.time.Instant;

/**
 * What a fan is told about their place: the ticket, the estimated wait (meaningful only with a
 * position) and when the concert's sale opens (null: it has no on-sale time; D52).
 */
public record QueueStatusView(QueueTicket ticket, long estimatedWaitSeconds, Instant opensAt) {
    public QueueStatusView(QueueTicket ticket, long estimatedWaitSeconds) {
        this(ticket, estimatedWaitSeconds, null);
    }
}
