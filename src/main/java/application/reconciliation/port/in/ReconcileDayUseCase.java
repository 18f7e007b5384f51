package application.reconciliation.port.in;

import domain.reconciliation.BusinessDay;
import java.util.UUID;

public interface ReconcileDayUseCase {
    /**
     * Carries out a started run to its end: every provider's three files in parallel steps, PENDING
     * top-ups settled where the PG decided them, the run COMPLETED or FAILED and announced.
     */
    void reconcile(UUID runId, BusinessDay day);
}
