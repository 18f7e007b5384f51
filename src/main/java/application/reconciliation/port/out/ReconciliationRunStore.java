package application.reconciliation.port.out;

import domain.reconciliation.RunStatus;
import domain.reconciliation.StatementKind;
import domain.reconciliation.StepSummary;
import domain.reconciliation.Trigger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Runs and their steps, in the caller's transaction. At most one RUNNING run per date, across instances. */
public interface ReconciliationRunStore {
    /**
     * Records a new RUNNING run for the date, of every provider or only {@code provider} (not null). A RUNNING run whose last heartbeat is before {@code
     * staleBefore} belonged to a process that died: it is marked FAILED first.
     *
     * @return the new run's id, or empty when another live run of the date holds it
     */
    Optional<UUID> start(
            UUID runId,
            LocalDate date,
            String provider,
            Trigger trigger,
            String requestedBy,
            Instant now,
            Instant staleBefore);

    /** The id of the date's RUNNING run, if any. */
    Optional<UUID> running(LocalDate date);

    /** A run of every provider of the date has completed. */
    boolean hasCompleted(LocalDate date);

    void heartbeat(UUID runId, Instant now);

    void startStep(UUID runId, String provider, StatementKind kind, String fileName, Instant now);

    void finishStep(
            UUID runId,
            String provider,
            StatementKind kind,
            RunStatus status,
            long rowsRead,
            long errors,
            String failureReason,
            StepSummary summary,
            Instant now);

    /**
     * Ends the run. Each provider whose three steps completed in it replaces its earlier results of
     * the date: the older runs' items of that provider are deleted (run and step rows stay, as history).
     *
     * @return false when the run was no longer RUNNING (declared dead by another instance meanwhile)
     */
    boolean finish(UUID runId, RunStatus status, String failureReason, Instant now);

    /** Records how sending the run's report went (delivered at, or the failure; the other null). */
    void reportDelivery(UUID runId, Instant deliveredAt, String failure);
}
