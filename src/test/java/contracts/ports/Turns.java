package contracts.ports;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Two callers of a store whose second must wait for the first one's transaction to end. */
final class Turns {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    /** How long the second caller is watched to still be waiting. */
    private static final Duration STILL_WAITING = Duration.ofMillis(300);

    private Turns() {}

    /**
     * Runs {@code first} in a transaction that stays open while {@code second} starts in another,
     * checks that the second has not returned while the first is open, then commits the first and
     * returns what the second answered.
     */
    static <T> T secondWaitsForFirst(Transactions tx, Runnable first, Supplier<T> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch firstDone = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try {
            Future<?> firstTransaction = pool.submit(() -> tx.run(() -> {
                first.run();
                firstDone.countDown();
                await(commit);
            }));
            assertTrue(firstDone.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), "the first caller ran");
            Future<T> secondTransaction = pool.submit(() -> tx.call(second));
            assertThrows(
                    TimeoutException.class,
                    () -> secondTransaction.get(STILL_WAITING.toMillis(), TimeUnit.MILLISECONDS),
                    "the second caller waits while the first one's transaction is open");
            commit.countDown();
            firstTransaction.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            return secondTransaction.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never let the first transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
