package contracts.ports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.util.function.Supplier;

/** A new JTA transaction per call (the real adapters' side of a contract). */
public final class JtaTransactions implements Transactions {
    @Override
    public <T> T call(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
