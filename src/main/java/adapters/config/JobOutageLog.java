package adapters.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * How a scheduled job's failures reach the log: a dependency outage (PostgreSQL or Redis away, see
 * {@link DependencyOutage}) is one WARN line when a job first meets it and one INFO line when the
 * job runs again, not a stack trace per tick; the ticks in between log at DEBUG. A failure that is
 * not an outage (a bug) is logged with its stack trace every time. Per job, since each job needs
 * its own stores.
 */
@ApplicationScoped
public class JobOutageLog {
    private static final Logger LOG = Logger.getLogger("adapters.scheduler.jobs");

    /** What a failure or a success made the log say (for the tests of this decision). */
    public enum Logged {
        OUTAGE_STARTED,
        OUTAGE_CONTINUES,
        RECOVERED,
        NOTHING,
        FAILURE
    }

    private record Outage(Instant since, long failedRuns) {}

    private final Map<String, Outage> outages = new ConcurrentHashMap<>();
    private final Clock clock;

    public JobOutageLog() {
        this(Clock.systemUTC());
    }

    JobOutageLog(Clock clock) {
        this.clock = clock;
    }

    /** Runs one tick of {@code job}; never throws (the scheduler would log a stack trace per tick). */
    public Logged run(String job, Runnable tick) {
        try {
            tick.run();
        } catch (RuntimeException e) {
            return failed(job, e);
        }
        return succeeded(job);
    }

    public Logged failed(String job, Throwable failure) {
        if (!DependencyOutage.isOutage(failure)) {
            LOG.errorf(failure, "job %s failed", job);
            return Logged.FAILURE;
        }
        Instant now = clock.instant();
        Outage before = outages.get(job);
        outages.put(job, before == null ? new Outage(now, 1) : new Outage(before.since(), before.failedRuns() + 1));
        if (before == null) {
            LOG.warnf(
                    "job %s: a data store is unavailable (%s); retrying every tick, quietly until it is back",
                    job, summary(failure));
            return Logged.OUTAGE_STARTED;
        }
        LOG.debugf("job %s: still unavailable (%s)", job, summary(failure));
        return Logged.OUTAGE_CONTINUES;
    }

    public Logged succeeded(String job) {
        Outage outage = outages.remove(job);
        if (outage == null) {
            return Logged.NOTHING;
        }
        LOG.infof(
                "job %s: its data stores are back after %d s (%d failed runs)",
                job, Duration.between(outage.since(), clock.instant()).toSeconds(), outage.failedRuns());
        return Logged.RECOVERED;
    }

    /** The innermost cause's class and message: enough to tell PostgreSQL from Redis, one line. */
    static String summary(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return root.getClass().getSimpleName() + ": " + message;
    }
}
