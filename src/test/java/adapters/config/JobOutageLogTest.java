package adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The logging decision of scheduled jobs, and what reaches the log through a captured handler. */
class JobOutageLogTest {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("adapters.scheduler.jobs");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Instant now = Instant.parse("2026-12-06T10:00:00Z");
    private final JobOutageLog log = new JobOutageLog(new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    private static RuntimeException postgresDown() {
        return new IllegalStateException("could not run", new ConnectException("Connection refused"));
    }

    @Test
    void anOutageIsOneLineWhenItStartsAndOneWhenItEndsWhateverTheTicksInBetween() {
        assertEquals(JobOutageLog.Logged.NOTHING, log.run("hold-expiry", () -> {}));
        assertEquals(JobOutageLog.Logged.OUTAGE_STARTED, log.run("hold-expiry", () -> {
            throw postgresDown();
        }));
        for (int tick = 0; tick < 50; tick++) {
            now = now.plusSeconds(1);
            assertEquals(JobOutageLog.Logged.OUTAGE_CONTINUES, log.run("hold-expiry", () -> {
                throw postgresDown();
            }));
        }
        now = now.plus(Duration.ofSeconds(9));
        assertEquals(JobOutageLog.Logged.RECOVERED, log.run("hold-expiry", () -> {}));
        assertEquals(JobOutageLog.Logged.NOTHING, log.run("hold-expiry", () -> {}));

        assertEquals(2, records.size(), "one line at the start, one at the end: " + records);
        assertEquals(Level.WARNING.intValue(), records.get(0).getLevel().intValue());
        assertTrue(records.get(0).getThrown() == null, "no stack trace for an outage");
        assertTrue(formatted(records.get(0)).contains("hold-expiry"), formatted(records.get(0)));
        assertTrue(
                formatted(records.get(0)).contains("ConnectException: Connection refused"), formatted(records.get(0)));
        assertTrue(formatted(records.get(1)).contains("back after 59 s (51 failed runs)"), formatted(records.get(1)));
    }

    @Test
    void eachJobHasItsOwnOutage() {
        assertEquals(JobOutageLog.Logged.OUTAGE_STARTED, log.failed("queue-admission", postgresDown()));
        assertEquals(JobOutageLog.Logged.OUTAGE_STARTED, log.failed("outbox-relay", postgresDown()));
        assertEquals(JobOutageLog.Logged.RECOVERED, log.succeeded("queue-admission"));
        assertEquals(JobOutageLog.Logged.OUTAGE_CONTINUES, log.failed("outbox-relay", postgresDown()));
    }

    @Test
    void aBugIsLoggedWithItsStackTraceEveryTime() {
        for (int tick = 0; tick < 3; tick++) {
            assertEquals(JobOutageLog.Logged.FAILURE, log.run("reconciliation", () -> {
                throw new IllegalArgumentException("a bug");
            }));
        }
        assertEquals(3, records.size());
        assertTrue(records.stream().allMatch(r -> r.getThrown() instanceof IllegalArgumentException));
    }

    private static String formatted(LogRecord record) {
        return record instanceof org.jboss.logmanager.ExtLogRecord ext
                ? ext.getFormattedMessage()
                : record.getMessage();
    }
}
