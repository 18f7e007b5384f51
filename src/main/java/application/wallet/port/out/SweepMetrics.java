package application.wallet.port.out;

/** Counters of what the PENDING top-up sweeper found: one call per top-up it asked a PG about. */
public interface SweepMetrics {
    enum Outcome {
        APPROVED,
        DECLINED,
        CANCELLED,
        STILL_PENDING
    }

    void swept(Outcome outcome);
}
