package application.booking.port.in;

public interface ExpireHoldsUseCase {
    /** Marks one batch of lapsed holds EXPIRED and frees their seats; returns how many. */
    int expireBatch(int batchSize);
}
