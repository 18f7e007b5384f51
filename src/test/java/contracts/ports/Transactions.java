package contracts.ports;

import application.fakes.InMemoryTransactions;
import java.util.function.Supplier;

/**
 * How a port contract runs the store's calls: each in a transaction of its own, as a use case's
 * {@code @Transactional} method would. An exception rolls the transaction back and is rethrown as
 * it is.
 */
public interface Transactions {
    <T> T call(Supplier<T> work);

    default void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * The fakes' transactions: their state is put back when the work throws. One at a time (the
     * fakes' stand-in knows one open transaction), so concurrent callers take turns.
     */
    static Transactions of(InMemoryTransactions transactions) {
        return new Transactions() {
            @Override
            public <T> T call(Supplier<T> work) {
                synchronized (transactions) {
                    return transactions.call(work);
                }
            }
        };
    }
}
