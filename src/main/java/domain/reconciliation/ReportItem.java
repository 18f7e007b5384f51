package domain.reconciliation;

/** One classified line (or one of our top-ups unknown to the PG) of a run. */
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
        String note) {}
