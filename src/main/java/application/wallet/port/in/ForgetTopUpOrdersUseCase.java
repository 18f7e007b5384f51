package application.wallet.port.in;

/** Deletes one batch of top-up orders that expired more than {@code wallet.top-up-orders.retention} ago. */
public interface ForgetTopUpOrdersUseCase {
    int forgetBatch(int batchSize);
}
