package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import application.shared.port.out.AfterCommit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link AfterCommit}: work that follows a commit, never a rollback. */
public abstract class AfterCommitContract extends PortContract<AfterCommit> {
    protected AfterCommitContract(Supplier<Stores> implementations) {
        super(implementations, Stores::afterCommit);
    }

    private final AtomicInteger ran = new AtomicInteger();

    @Test
    void workRunsOnceTheTransactionHasCommittedNotBefore() {
        int seenInside = tx().call(() -> {
            store().run(ran::incrementAndGet);
            return ran.get();
        });

        assertEquals(0, seenInside, "not while the transaction is open");
        assertEquals(1, ran.get());
    }

    @Test
    void workOfATransactionThatRollsBackNeverRuns() {
        inATransactionThatRollsBack(() -> {
            store().run(ran::incrementAndGet);
        });

        assertEquals(0, ran.get());
    }

    @Test
    void outsideATransactionWorkRunsAtOnce() {
        store().run(ran::incrementAndGet);

        assertEquals(1, ran.get());
    }

    @Test
    void workThatFailsAfterTheCommitDoesNotFailTheCaller() {
        String answer = tx().call(() -> {
            store().run(() -> {
                throw new IllegalStateException("Redis is down");
            });
            store().run(ran::incrementAndGet);
            return "committed";
        });

        assertEquals("committed", answer);
        assertEquals(1, ran.get(), "the other work still ran");
    }
}
