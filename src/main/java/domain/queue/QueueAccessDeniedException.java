package domain.queue;

import domain.shared.DomainException;

/** A call that needs an admitted fan came with a queue token that does not admit them. */
public final class QueueAccessDeniedException extends DomainException {
    public enum Reason {
        MISSING("a Queue-Token header is required"),
        UNKNOWN("the queue token is unknown, expired or released; enter the queue again"),
        NOT_YOURS("the queue token belongs to another user"),
        OTHER_CONCERT("the queue token is for another concert"),
        WAITING("the queue token is still waiting for admission"),
        EXPIRED("the queue token has expired; enter the queue again");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    public QueueAccessDeniedException(Reason reason) {
        super(reason.message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
