package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.shared.UserId;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A port's contract: the same assertions for every implementation of the port. A subclass names
 * the implementations ({@link Stores#fakes} or {@link Stores#real}); they are made when a test first
 * asks, so a contract on the fakes gets new ones for each test.
 */
abstract class PortContract<P> {
    /**
     * The contracts' clock: far before any clock of the other tests that share the database, so a
     * sweep up to a contract's instants (lapsed holds, old keys, PENDING top-ups) meets only rows of
     * the contracts.
     */
    protected static final Instant NOW = Instant.parse("2001-02-03T04:05:06.007Z");

    protected static final UserId FAN = new UserId("contract-fan");

    private final Supplier<Stores> implementations;
    private final Function<Stores, P> port;
    private Stores stores;

    protected PortContract(Supplier<Stores> implementations, Function<Stores, P> port) {
        this.implementations = implementations;
        this.port = port;
    }

    protected final Stores stores() {
        if (stores == null) {
            stores = implementations.get();
        }
        return stores;
    }

    /** The port under contract. */
    protected final P store() {
        return port.apply(stores());
    }

    protected final Transactions tx() {
        return stores().tx();
    }

    /** Runs {@code work} in a transaction that then fails and rolls back. */
    protected final void inATransactionThatRollsBack(Runnable work) {
        assertThrows(
                RolledBack.class,
                () -> tx().run(() -> {
                    work.run();
                    throw new RolledBack();
                }));
    }

    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("the use case failed after the change");
        }
    }
}
