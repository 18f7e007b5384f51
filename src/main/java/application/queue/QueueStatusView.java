package application.queue;

import application.port.QueueStore;
import domain.queue.QueueTicket;
import domain.queue.WaitEstimator;
import java.time.Duration;

/** What a fan is told about their place: the ticket and the estimated wait. */
public record QueueStatusView(QueueTicket ticket, long estimatedWaitSeconds) {
    static QueueStatusView of(QueueStore.View view, Duration activeTtl) {
        return new QueueStatusView(
                view.ticket(),
                WaitEstimator.estimatedWaitSeconds(
                        view.ticket().position(), view.admissionsPerSecond(), view.maxActive(), activeTtl));
    }
}
