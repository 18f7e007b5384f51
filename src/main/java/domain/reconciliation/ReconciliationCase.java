package domain.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A mismatch to act on (decision D59): one per record (provider + payment key; {@code recordId} is
 * our record when we have one), stage and category, opened by the run that found it and closed by a
 * person — who, when, why — or by a later run in which the record no longer shows it.
 */
public record ReconciliationCase(
        UUID id,
        String provider,
        StatementKind kind,
        Category category,
        String paymentKey,
        String recordType,
        UUID recordId,
        LocalDate businessDate,
        UUID openedRunId,
        Instant openedAt,
        Long pgAmount,
        Long ourAmount,
        CaseStatus status,
        Resolution resolution,
        String note,
        String resolvedBy,
        Instant resolvedAt) {

    public static final int MAX_NOTE = 1000;

    public ReconciliationCase {
        Objects.requireNonNull(id);
        Objects.requireNonNull(status);
    }

    /** Whole days the case has been (or was) open. */
    public long daysOpen(Instant now) {
        return CaseAge.daysOpen(openedAt, status == CaseStatus.OPEN || resolvedAt == null ? now : resolvedAt);
    }

    /** A person closes the case: {@code action} is one a person may take, {@code note} says why. */
    public ReconciliationCase resolve(Resolution action, String note, String by, Instant at) {
        if (status != CaseStatus.OPEN) {
            throw new CaseAlreadyResolvedException(id, resolution, resolvedBy);
        }
        if (action == null || !action.byPerson()) {
            throw new IllegalArgumentException("a person resolves with one of " + Resolution.byPersons());
        }
        if (note == null || note.isBlank() || note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("a note of 1 to " + MAX_NOTE + " characters says why");
        }
        return new ReconciliationCase(
                id,
                provider,
                kind,
                category,
                paymentKey,
                recordType,
                recordId,
                businessDate,
                openedRunId,
                openedAt,
                pgAmount,
                ourAmount,
                CaseStatus.RESOLVED,
                action,
                note.strip(),
                by,
                at);
    }
}
