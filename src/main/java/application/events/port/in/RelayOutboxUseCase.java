package application.events.port.in;

public interface RelayOutboxUseCase {
    /** Claims one batch, sends it, and records what the receiver acknowledged. */
    Result relayOnce();

    /** {@code claimed} events were sent; {@code delivered} acknowledged, {@code retried} and {@code parked} not. */
    record Result(int claimed, int delivered, int retried, int parked) {
        public static final Result IDLE = new Result(0, 0, 0, 0);
    }
}
