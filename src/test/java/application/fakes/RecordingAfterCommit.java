package application.fakes;

import application.shared.port.out.AfterCommit;
import java.util.ArrayList;
import java.util.List;

/**
 * Records after-commit work. Inside a transaction (see {@link InMemoryTransactions}) the work waits
 * for the commit and is dropped on rollback; outside one it runs at once, like the JTA adapter.
 */
public final class RecordingAfterCommit implements AfterCommit {
    private final List<Runnable> pending = new ArrayList<>();
    private boolean inTransaction;
    private int submitted;
    private int ran;

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
            runnable.run();
            ran++;
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

    public synchronized int pending() {
        return pending.size();
    }
}
