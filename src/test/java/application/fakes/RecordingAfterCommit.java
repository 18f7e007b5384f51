package application.fakes;

import application.shared.port.out.AfterCommit;
import java.util.ArrayList;
import java.util.List;

/**
 * Records after-commit work. Inside a transaction (see {@link InMemoryTransactions}) the work waits
 * for the commit and is dropped on rollback; outside one it runs at once, like the JTA adapter. Work
 * that throws after the commit is counted, not thrown, like the JTA adapter.
 */
public final class RecordingAfterCommit implements AfterCommit {
    private final List<Runnable> pending = new ArrayList<>();
    private boolean inTransaction;
    private int submitted;
    private int ran;
    private int failed;

    @Override
    public synchronized void run(Runnable work) {
        submitted++;
        if (inTransaction) {
            pending.add(work);
        } else {
            work.run();
            ran++;
        }
    }

    public synchronized void begin() {
        if (inTransaction) {
            throw new IllegalStateException("a transaction is already open");
        }
        inTransaction = true;
    }

    public synchronized void commit() {
        inTransaction = false;
        List<Runnable> work = List.copyOf(pending);
        pending.clear();
        for (Runnable runnable : work) {
            try {
                runnable.run();
                ran++;
            } catch (RuntimeException e) {
                // as JtaAfterCommit: the commit has happened, the caller's answer must say so
                failed++;
            }
        }
    }

    public synchronized void rollback() {
        inTransaction = false;
        pending.clear();
    }

    /** Work handed over, whether it ran, waits or was dropped. */
    public synchronized int submitted() {
        return submitted;
    }

    public synchronized int ran() {
        return ran;
    }

    /** Work that threw after the commit (its failure is not the caller's). */
    public synchronized int failed() {
        return failed;
    }

    public synchronized int pending() {
        return pending.size();
    }
}
