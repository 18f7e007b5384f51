package domain.topup;

import domain.shared.DomainException;
import java.util.UUID;

/** A top-up that has already settled (APPROVED, DECLINED or CANCELLED) was asked to settle again. */
public final class TopUpNotPendingException extends DomainException {
    private final UUID topUpId;
    private final TopUpStatus status;
    private final TopUpStatus target;

    public TopUpNotPendingException(UUID topUpId, TopUpStatus status, TopUpStatus target) {
        super("top-up " + topUpId + " is " + status + ", not PENDING; it cannot become " + target);
        this.topUpId = topUpId;
        this.status = status;
        this.target = target;
    }

    public UUID topUpId() {
        return topUpId;
    }

    public TopUpStatus status() {
        return status;
    }

    public TopUpStatus target() {
        return target;
    }
}
