package adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WalletBulkheadTest {

    @Test
    void never_more_than_the_cap_of_one_wallet_at_once() throws Exception {
        WalletBulkhead bulkhead = new WalletBulkhead(3, Duration.ofSeconds(10));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(pool.submit(() -> bulkhead.call("fan-1", () -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    busyFor(2);
                    inside.decrementAndGet();
                    return 1;
                })));
            }
            int done = 0;
            for (Future<Integer> call : calls) {
                done += call.get(30, TimeUnit.SECONDS);
            }
            assertEquals(64, done, "every call ran");
            assertEquals(3, most.get(), "at most 3 at once, and the cap was reached");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_busy_wallet_does_not_hold_up_another() throws Exception {
        WalletBulkhead bulkhead = new WalletBulkhead(1, Duration.ofMillis(200));
        try (Occupant busy = Occupant.take(bulkhead, "fan-a")) {
            String other = otherStripeThan(bulkhead, "fan-a");
            assertEquals("ran", bulkhead.call(other, () -> "ran"));
        }
    }

    @Test
    void waiting_longer_than_the_timeout_is_refused_and_releases_nothing() throws Exception {
        WalletBulkhead bulkhead = new WalletBulkhead(1, Duration.ofMillis(50));
        AtomicInteger ran = new AtomicInteger();
        try (Occupant busy = Occupant.take(bulkhead, "fan-1")) {
            assertThrows(WalletBulkhead.WalletBusyException.class, () -> bulkhead.call("fan-1", ran::incrementAndGet));
            assertEquals(0, ran.get(), "the refused call did not run");
            busy.leave();
        }
        // the refusal took no permit: the wallet is free again
        assertEquals(1, bulkhead.call("fan-1", ran::incrementAndGet));
    }

    /** A call that sits inside the bulkhead on another thread until it is told to leave. */
    private record Occupant(ExecutorService thread, CountDownLatch release, Future<?> call) implements AutoCloseable {
        static Occupant take(WalletBulkhead bulkhead, String wallet) throws InterruptedException {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService thread = Executors.newSingleThreadExecutor();
            Future<?> call = thread.submit(() -> bulkhead.call(wallet, () -> {
                inside.countDown();
                await(release);
                return null;
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS), "the occupant got in");
            return new Occupant(thread, release, call);
        }

        /** Lets the call finish and waits for it. */
        void leave() throws Exception {
            release.countDown();
            call.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            release.countDown();
            thread.shutdownNow();
        }
    }

    @Test
    void zero_turns_the_cap_off_and_negative_is_refused() {
        WalletBulkhead off = new WalletBulkhead(0, Duration.ofMillis(1));
        assertEquals("ran", off.call("fan-1", () -> off.call("fan-1", () -> "ran")), "nested calls never wait");
        assertThrows(IllegalArgumentException.class, () -> new WalletBulkhead(-1, Duration.ofSeconds(1)));
    }

    @Test
    void a_failing_payment_gives_its_permit_back() {
        WalletBulkhead bulkhead = new WalletBulkhead(1, Duration.ofMillis(50));
        assertThrows(
                IllegalStateException.class,
                () -> bulkhead.call("fan-1", () -> {
                    throw new IllegalStateException("refused");
                }));
        assertEquals("ran", bulkhead.call("fan-1", () -> "ran"));
    }

    /**
     * A key that gets a permit while {@code busy}'s single permit is taken. Keys share a stripe one
     * time in 1,024, so ten tries that all wait mean the wallets are not kept apart.
     */
    private static String otherStripeThan(WalletBulkhead bulkhead, String busy) {
        for (int i = 0; i < 10; i++) {
            String candidate = busy + "-other-" + i;
            try {
                bulkhead.call(candidate, () -> null);
                return candidate;
            } catch (WalletBulkhead.WalletBusyException sameStripe) {
                // shares busy's stripe; try the next key
            }
        }
        throw new AssertionError("every other wallet waited for " + busy);
    }

    private static void busyFor(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
