package domain.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The latest run of a business date, step by step. */
public record RunReport(
        UUID runId,
        LocalDate date,
        RunStatus status,
        Trigger trigger,
        String requestedBy,
        String failureReason,
        Instant startedAt,
        Instant finishedAt,
        List<StepReport> steps) {

    public record StepReport(
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
