package adapters.postgres;

import application.shared.port.out.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

/**
 * Runs work after the JTA transaction commits. A failure there is logged, not thrown: the commit
 * has happened and the client's answer must say so (the Redis state it tidies also expires).
 */
@ApplicationScoped
public class JtaAfterCommit implements AfterCommit {
    private static final Logger LOG = Logger.getLogger(JtaAfterCommit.class);

    private final TransactionSynchronizationRegistry registry;

    public JtaAfterCommit(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(Runnable work) {
        if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            work.run();
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "after-commit work failed; its effect is left to expiry");
                }
            }
        });
    }
}
