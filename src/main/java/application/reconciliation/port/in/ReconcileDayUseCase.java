package application.reconciliation.port.in;

import domain.reconciliation.BusinessDay;
import domain.reconciliation.RunStatus;
import java.util.UUID;

public interface ReconcileDayUseCase {
    /**
     * Carries out a started run to its end: every provider's chain of three stages (or only {@code
     * provider}'s, when not null), PENDING top-ups settled where the PG decided them, record states
     * and their history updated, the run COMPLETED or FAILED and announced.
     *
     * @return how the run ended
     */
    RunStatus reconcile(UUID runId, BusinessDay day, String provider);
}
