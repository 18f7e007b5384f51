package domain.reconciliation;

/** One provider's file of one kind: the unit that runs in parallel with the others. */
public record Step(String provider, StatementKind kind, FeePolicy fees) {
    @Override
    public String toString() {
        return provider + "/" + kind;
    }
}
