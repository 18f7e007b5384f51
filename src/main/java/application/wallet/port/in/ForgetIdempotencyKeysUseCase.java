package application.wallet.port.in;

public interface ForgetIdempotencyKeysUseCase {
    /**
     * Forgets one batch of Idempotency-Keys older than the retention period; returns how many. A
     * key older than that can be used again for a new effect.
     */
    int forgetBatch(int batchSize);
}
