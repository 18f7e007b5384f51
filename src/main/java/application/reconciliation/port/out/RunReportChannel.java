package application.reconciliation.port.out;

import domain.reconciliation.RunDigest;

/** A way the run's report reaches people (e-mail, a chat webhook): decision D60. */
public interface RunReportChannel {
    /** Short name for the run's delivery record ("mail", "chat"). */
    String name();

    /** False when its settings name nobody to send to: the channel is skipped. */
    boolean configured();

    /**
     * Sends the digest, retrying a failed attempt a bounded number of times with backoff.
     *
     * @throws RuntimeException when every attempt failed (the message says why)
     */
    void deliver(RunDigest digest);
}
