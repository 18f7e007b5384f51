package application.shared;

import domain.shared.Configured;
import java.time.Duration;

/**
 * How jobs run: the lease TTL (longer than any single run), the batch size of the expiry and
 * retention jobs, and how long an Idempotency-Key is remembered.
 */
public record JobSettings(Duration leaseTtl, int batchSize, Duration idempotencyRetention) implements Configured {}
