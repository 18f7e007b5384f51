package domain.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One change of a record's reconciliation state: from, to, the run (date, provider, stage) that
 * made it, when, and the verdict in words. {@code recordType} is TOPUP or BOX_OFFICE_SALE ({@link RecordType}).
 */
public record RecordHistoryEntry(
        long id,
        String recordType,
        UUID recordId,
        String from,
        String to,
        UUID runId,
        LocalDate businessDate,
        String provider,
        StatementKind stage,
        Instant at,
        String detail) {}
