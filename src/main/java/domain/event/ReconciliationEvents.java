package domain.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Events of the reconciliation batch (schemas in {@code docs/events.md}). */
public final class ReconciliationEvents {
    public static final String RECONCILIATION = "Reconciliation";
    public static final String RECONCILIATION_COMPLETED = "ReconciliationCompleted";

    private ReconciliationEvents() {}

    /**
     * A run ended (COMPLETED or FAILED), with its per-category counts and amounts so operators learn
     * the result without polling. The aggregate is the business date: its runs are delivered in order.
     */
    public static DomainEvent completed(
            UUID eventId,
            UUID runId,
            LocalDate date,
            String status,
            String failureReason,
            Map<String, Object> summary,
            Instant finishedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("runId", runId.toString());
        payload.put("businessDate", date.toString());
        payload.put("status", status);
        payload.put("failureReason", failureReason);
        payload.put("finishedAt", finishedAt.toString());
        payload.put("summary", summary);
        return new DomainEvent(
                eventId, RECONCILIATION, date.toString(), RECONCILIATION_COMPLETED, 1, finishedAt, payload);
    }
}
