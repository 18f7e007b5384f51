package adapters.postgres;

import application.shared.port.out.ChunkTransactions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/** Each chunk of a batch in a JTA transaction of its own (the caller's, if any, is suspended meanwhile). */
@ApplicationScoped
public class JtaChunkTransactions implements ChunkTransactions {
    @Override
    public <T> T inNewTransaction(Duration timeout, Supplier<T> work) {
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        return QuarkusTransaction.requiringNew().timeout(seconds).call(work::get);
    }
}
