package support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cuts PostgreSQL (the run's {@link TcpProxy}) at the moment the next transaction commits: a
 * synchronization registered when the transaction begins runs first at completion, before
 * Hibernate's flush and the JDBC commit, so the commit itself meets a dead connection — what a
 * PostgreSQL restart does to an in-flight payment. Test code only (a bean of the test application).
 */
@ApplicationScoped
public class CommitCutter {
    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static final AtomicBoolean FIRED = new AtomicBoolean();

    private final TransactionSynchronizationRegistry registry;

    public CommitCutter(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** The next transaction that begins loses its connection when it commits. */
    public static void armOnce() {
        FIRED.set(false);
        ARMED.set(true);
    }

    public static boolean fired() {
        return FIRED.get();
    }

    public static void disarm() {
        ARMED.set(false);
    }

    void onBegin(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (!ARMED.compareAndSet(true, false)) {
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                    FIRED.set(true);
                    TestInfrastructure.postgresProxy().cut();
                }
            }

            @Override
            public void afterCompletion(int status) {}
        });
    }
}
