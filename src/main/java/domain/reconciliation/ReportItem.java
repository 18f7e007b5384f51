package domain.reconciliation;

import java.util.UUID;

/**
 * One classified line (or one of our top-ups unknown to the PG) of a run; {@code recordId} is our
 * record (the top-up), null when we have none, and {@code stateTo} the reconciliation state this
 * line moved it to (null: unchanged).
 */
public record ReportItem(
        long id,
        String provider,
        StatementKind kind,
        Category category,
        String paymentKey,
        Long lineNo,
        String pgStatus,
        String ourStatus,
        Long pgAmount,
        Long ourAmount,
        Long fee,
        Long expectedFee,
        Long net,
        Long expectedNet,
        Action action,
        String note,
        UUID recordId,
        String stateTo) {}
