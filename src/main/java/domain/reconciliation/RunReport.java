package domain.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A business date's reconciliation: its latest run ({@code provider} set when that run re-ran one
 * provider only) and, per provider, the steps of the latest run that covered that provider (each
 * step names its run).
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
        List<StepReport> steps) {

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
