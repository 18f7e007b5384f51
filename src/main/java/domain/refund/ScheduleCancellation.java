package domain.refund;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The cancellation of one schedule and the job that refunds its paid seats (D50). {@code total} is
 * how many seats were paid when it was cancelled (no seat can be paid after that), {@code refunded}
 * how many the job has refunded so far, {@code remaining} how many paid seats are still to refund
 * (counted when read: a seat its owner refunded meanwhile is no longer one), {@code cursor} the last reservation it refunded (the job
 * resumes after it). COMPLETED once every paid seat is refunded and every open hold cancelled.
 */
public record ScheduleCancellation(
        long scheduleId,
        UUID jobId,
        Status status,
        String requestedBy,
        long total,
        long refunded,
        long holdsCancelled,
        long remaining,
        UUID cursor,
        Instant startedAt,
        Instant finishedAt) {

    public enum Status {
        RUNNING,
        COMPLETED
    }

    public ScheduleCancellation {
        Objects.requireNonNull(jobId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(requestedBy);
        Objects.requireNonNull(startedAt);
        if ((status == Status.COMPLETED) != (finishedAt != null)) {
            throw new IllegalArgumentException("a cancellation has a finish time exactly when COMPLETED");
        }
    }
}
