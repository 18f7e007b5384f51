package application.refund.port.in;

public interface RunScheduleCancellationsUseCase {
    /**
     * Runs the job of every cancelled schedule not yet COMPLETED, under the job's lease, one chunk per
     * transaction, resuming after the last committed chunk. Returns the seats refunded and holds
     * cancelled by this run (0 when another instance holds the lease).
     */
    long runPending();
}
