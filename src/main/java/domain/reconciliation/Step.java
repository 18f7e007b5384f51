package domain.reconciliation;

import java.util.Objects;

/**
 * One provider's file of one kind: the unit that runs in parallel with the others. {@code records}:
 * which of our records the file is matched against (D62).
 */
public record Step(String provider, StatementKind kind, FeePolicy fees, RecordType records) {
    public Step {
        Objects.requireNonNull(records);
    }

    /** A step of a provider whose files are matched against top-ups. */
    public Step(String provider, StatementKind kind, FeePolicy fees) {
        this(provider, kind, fees, RecordType.TOPUP);
    }

    @Override
    public String toString() {
        return provider + "/" + kind;
    }
}
