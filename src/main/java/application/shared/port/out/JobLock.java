package application.shared.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * A lease that lets one instance at a time run a named job. A lease left by a crashed instance
 * ends by itself after its TTL.
 */
public interface JobLock {
    /** The lease, or empty when another instance holds it. */
    Optional<Lease> tryAcquire(String job, Duration ttl);

    interface Lease extends AutoCloseable {
        /** Gives the lease back, if it is still ours. */
        @Override
        void close();
    }
}
