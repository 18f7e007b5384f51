package application.shared.port.out;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A transaction of its own for each chunk of a batch ({@link application.shared.ChunkRunner}): the
 * work commits when it returns and rolls back when it throws, whatever transaction the caller is in.
 */
public interface ChunkTransactions {
    <T> T inNewTransaction(Duration timeout, Supplier<T> work);
}
