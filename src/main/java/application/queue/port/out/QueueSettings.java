package application.queue.port.out;

import domain.shared.Configured;
import java.time.Duration;

/** The waiting room's configured defaults ({@code queue.max-active}, {@code queue.active-ttl}). */
public record QueueSettings(int defaultMaxActive, Duration activeTtl) implements Configured {}
