package application.queue.port.out;

import domain.shared.Configured;
import java.time.Duration;

/**
 * The sale opening's settings (D52): {@code queue.opening-chunk} tokens placed per store call, and
 * {@code queue.opening-cache-ttl}, how long instances act on their copy of an opening time (it is
 * fixed from then on).
 */
public record OpeningSettings(int chunk, Duration cacheTtl) implements Configured {
    public OpeningSettings {
        if (chunk < 1) {
            throw new IllegalArgumentException("queue.opening-chunk is at least 1");
        }
    }
}
