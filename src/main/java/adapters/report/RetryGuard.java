package adapters.report;

import adapters.config.ReconciliationConfig;
import io.smallrye.faulttolerance.api.Guard;
import java.time.temporal.ChronoUnit;

/** The bounded retry with exponential backoff each report channel runs its sending under (D60). */
final class RetryGuard {
    private RetryGuard() {}

    static Guard of(String description, ReconciliationConfig.Report settings) {
        return Guard.create()
                .withDescription(description)
                .withRetry()
                .maxRetries(settings.retries())
                .delay(settings.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(settings.retryMaxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }
}
