package application.reconciliation;

import domain.reconciliation.FeePolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How reconciliation runs: which providers (with their contract fee), the PGs' time zone, how many
 * steps run at once, when a silent run counts as dead, and how many bad lines a step keeps.
 */
public record ReconciliationSettings(
        List<Provider> providers, ZoneId zone, int parallelism, Duration staleAfter, int maxErrorsKept) {

    public ReconciliationSettings {
        providers = List.copyOf(providers);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(staleAfter);
        if (parallelism < 1) {
            throw new IllegalArgumentException("reconciliation.parallelism must be at least 1");
        }
    }

    public record Provider(String name, FeePolicy fees) {}
}
