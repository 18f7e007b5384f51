package application.wallet;

/** Deletes one batch of top-up orders that expired more than {@code wallet.top-up-orders.retention} ago. */
public interface ForgetTopUpOrdersUseCase {
    int forgetBatch(int batchSize);
}
