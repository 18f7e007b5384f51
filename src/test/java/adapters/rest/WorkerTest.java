package adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.shared.DomainException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerTest {
    private final ExecutorService oneThread = Executors.newSingleThreadExecutor();
    private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        Infrastructure.resetDroppedExceptionHandler();
        oneThread.shutdownNow();
    }

    private static final class Refused extends DomainException {
        Refused() {
            super("seat 7 is taken");
        }
    }

    @Test
    void resultsAndFailuresReachTheSubscriberAsTheyWereThrown() {
        assertEquals("held", Worker.run(() -> "held", oneThread).await().atMost(Duration.ofSeconds(5)));
        Refused refusal = new Refused();
        IllegalStateException bug = new IllegalStateException("bug");

        assertSame(refusal, failureOf(refusal));
        assertSame(bug, failureOf(bug));
    }

    private Throwable failureOf(RuntimeException thrown) {
        return assertThrows(
                thrown.getClass(),
                () -> Worker.run(
                                () -> {
                                    throw thrown;
                                },
                                oneThread)
                        .await()
                        .atMost(Duration.ofSeconds(5)));
    }

    @Test
    void aRefusalNobodyWaitsForIsDroppedSilentlyButAnUnexpectedFailureIsStillReported() throws Exception {
        Infrastructure.setDroppedExceptionHandler(dropped::add);
        IllegalStateException bug = new IllegalStateException("bug after the client left");

        // both calls run on the one worker thread in order, each after its client has hung up
        cancelledWhileRunning(() -> {
            throw new Refused();
        });
        cancelledWhileRunning(() -> {
            throw bug;
        });

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (dropped.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of(bug), dropped, "only the unexpected failure is reported");
    }

    /** Subscribes, lets the work start, cancels as a hung-up client does, then lets the work end. */
    private void cancelledWhileRunning(Supplier<String> ending) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        Uni<String> call = Worker.run(
                () -> {
                    started.countDown();
                    await(cancelled);
                    return ending.get();
                },
                oneThread);
        Cancellable subscription = call.subscribe().with(item -> {}, failure -> {});
        assertTrue(started.await(5, TimeUnit.SECONDS), "the work started");
        subscription.cancel();
        cancelled.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
