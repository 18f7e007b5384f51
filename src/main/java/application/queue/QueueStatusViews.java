package application.queue;

import application.queue.port.in.QueueStatusView;
import application.queue.port.out.QueueStore;
import domain.queue.WaitEstimator;
import java.time.Duration;
import java.time.Instant;

/** A stored ticket as a fan is told it: the ticket and the estimated wait. */
final class QueueStatusViews {
    private QueueStatusViews() {}

    static QueueStatusView of(QueueStore.View view, Duration activeTtl) {
        return of(view, activeTtl, null);
    }

    static QueueStatusView of(QueueStore.View view, Duration activeTtl, Instant opensAt) {
        return new QueueStatusView(
                view.ticket(),
                WaitEstimator.estimatedWaitSeconds(
                        view.ticket().position(), view.admissionsPerSecond(), view.maxActive(), activeTtl),
                opensAt);
    }
}
