package domain.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A business date's reconciliation: its latest run ({@code provider} set when that run re-ran one
 * provider only) and, per provider, the steps of the latest run that covered that provider (each
 * step names its run). {@code reportDeliveredAt} / {@code reportDeliveryFailure}: how sending the
 * run's report went (both null: nothing configured, or not sent yet); {@code openCases}: the open
 * reconciliation cases when the report is read, with their ageing.
 */
public record RunReport(
        UUID runId,
        LocalDate date,
        RunStatus status,
        Trigger trigger,
        String requestedBy,
        String provider,
        String failureReason,
        Instant startedAt,
        Instant finishedAt,
        List<StepReport> steps,
        Instant reportDeliveredAt,
        String reportDeliveryFailure,
        OpenCases openCases) {

    /** The same report with the open cases as of now (they are not the run's: they change as people resolve). */
    public RunReport withOpenCases(OpenCases cases) {
        return new RunReport(
                runId,
                date,
                status,
                trigger,
                requestedBy,
                provider,
                failureReason,
                startedAt,
                finishedAt,
                steps,
                reportDeliveredAt,
                reportDeliveryFailure,
                cases);
    }

    public record StepReport(
            UUID runId,
            String provider,
            StatementKind kind,
            RunStatus status,
            String fileName,
            long rowsRead,
            long lineErrors,
            String failureReason,
            StepSummary summary,
            List<LineError> firstLineErrors,
            Instant startedAt,
            Instant finishedAt) {}
}
