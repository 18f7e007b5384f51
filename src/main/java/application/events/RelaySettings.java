package application.events;

import domain.event.RetryPolicy;
import domain.shared.Configured;
import java.time.Duration;

/** {@code events.relay.*}: batch size, retry policy and how long delivered events are kept. */
public record RelaySettings(int batchSize, RetryPolicy retryPolicy, Duration retention) implements Configured {}
