package application.reconciliation;

import application.reconciliation.port.out.RunReportChannel;
import domain.reconciliation.BusinessDay;
import domain.reconciliation.RunDigest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the report of a run that has ended through every configured channel (decision D60). A
 * channel retries on its own; one that still fails is recorded on the run with its reason, and
 * nothing here ever fails the run: the run's status was written before, and stays.
 */
@ApplicationScoped
public class RunReportDelivery {
    private static final Logger LOG = Logger.getLogger(RunReportDelivery.class.getName());

    private final Instance<RunReportChannel> channels;
    private final RunBookkeeping bookkeeping;
    private final Clock clock;

    public RunReportDelivery(Instance<RunReportChannel> channels, RunBookkeeping bookkeeping, Clock clock) {
        this.channels = channels;
        this.bookkeeping = bookkeeping;
        this.clock = clock;
    }

    public void deliver(UUID runId, BusinessDay day) {
        try {
            List<RunReportChannel> configured = new ArrayList<>();
            for (RunReportChannel channel : channels) {
                if (channel.configured()) {
                    configured.add(channel);
                }
            }
            if (configured.isEmpty()) {
                return; // each channel said once at start-up that it has nobody to send to
            }
            RunDigest digest = bookkeeping.digest(day);
            List<String> failures = new ArrayList<>();
            for (RunReportChannel channel : configured) {
                try {
                    channel.deliver(digest);
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "the report of reconciliation run " + runId + " was not delivered by " + channel.name(),
                            e);
                    failures.add(channel.name() + ": " + e.getMessage());
                }
            }
            bookkeeping.reportDelivery(
                    runId,
                    failures.isEmpty() ? clock.instant() : null,
                    failures.isEmpty() ? null : String.join("; ", failures));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the report of reconciliation run " + runId + " could not be prepared", e);
            try {
                bookkeeping.reportDelivery(runId, null, "not sent: " + e);
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "could not record the report delivery of run " + runId, again);
            }
        }
    }
}
