package domain.reconciliation;

import domain.shared.DomainException;
import java.time.LocalDate;
import java.util.UUID;

/** A run for that business date is already going (on this or another instance). */
public final class ReconciliationRunningException extends DomainException {
    private final LocalDate date;
    private final UUID runId;

    public ReconciliationRunningException(LocalDate date, UUID runId) {
        super("a reconciliation of " + date + " is already running (run " + runId + ")");
        this.date = date;
        this.runId = runId;
    }

    public LocalDate date() {
        return date;
    }

    public UUID runId() {
        return runId;
    }
}
