package application.reconciliation;

import domain.reconciliation.FeePolicy;
import domain.reconciliation.StatementKind;

/** One provider's file of one kind: the unit that runs in parallel with the others. */
public record Step(String provider, StatementKind kind, FeePolicy fees) {
    @Override
    public String toString() {
        return provider + "/" + kind;
    }
}
