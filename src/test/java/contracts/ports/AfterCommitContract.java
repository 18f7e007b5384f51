package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import application.shared.port.out.AfterCommit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link AfterCommit}: work that follows a commit, never a rollback. */
public abstract class AfterCommitContract {
    protected abstract AfterCommit afterCommit();

    protected abstract Transactions tx();

    private final AtomicInteger ran = new AtomicInteger();

    @Test
    void workRunsOnceTheTransactionHasCommittedNotBefore() {
        int seenInside = tx().call(() -> {
            afterCommit().run(ran::incrementAndGet);
            return ran.get();
        });

        assertEquals(0, seenInside, "not while the transaction is open");
        assertEquals(1, ran.get());
    }

    @Test
    void workOfATransactionThatRollsBackNeverRuns() {
        assertThrows(
                IllegalStateException.class,
                () -> tx().run(() -> {
                    afterCommit().run(ran::incrementAndGet);
                    throw new IllegalStateException("rolled back");
                }));

        assertEquals(0, ran.get());
    }

    @Test
    void outsideATransactionWorkRunsAtOnce() {
        afterCommit().run(ran::incrementAndGet);

        assertEquals(1, ran.get());
    }

    @Test
    void workThatFailsAfterTheCommitDoesNotFailTheCaller() {
        String answer = tx().call(() -> {
            afterCommit().run(() -> {
                throw new IllegalStateException("Redis is down");
            });
            afterCommit().run(ran::incrementAndGet);
            return "committed";
        });

        assertEquals("committed", answer);
        assertEquals(1, ran.get(), "the other work still ran");
    }
}
