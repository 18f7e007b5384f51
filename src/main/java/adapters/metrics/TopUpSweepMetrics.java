package adapters.metrics;

import application.wallet.port.out.SweepMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code wallet_topups_swept_total{outcome="approved|declined|cancelled|still_pending"}}: what the
 * PENDING top-up sweeper found; the sum over outcomes is how many top-ups it asked about.
 */
@ApplicationScoped
public class TopUpSweepMetrics implements SweepMetrics {
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    public TopUpSweepMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(
                    outcome,
                    Counter.builder("wallet.topups.swept")
                            .description("PENDING top-ups the sweeper asked their PG about, by what it found")
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .register(registry));
        }
    }

    @Override
    public void swept(Outcome outcome) {
        counters.get(outcome).increment();
    }
}
