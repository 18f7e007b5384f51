package application.events.port.out;

/** Counters of what the relay did. */
public interface RelayMetrics {
    void record(int delivered, int retried, int parked);
}
