package application.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.shared.port.out.ChunkTransactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ChunkRunnerTest {
    /** Reads 0..n-1 after a checkpoint that write() moves and committed() publishes; evens are written. */
    static final class Counting implements ChunkRunner.Step<Integer, Integer> {
        final int n;
        int checkpoint;
        int pending;
        final List<List<Integer>> written = new ArrayList<>();
        int failOnChunk = -1;
        int chunk;

        Counting(int n) {
            this.n = n;
        }

        @Override
        public List<Integer> read(int size) {
            List<Integer> items = new ArrayList<>();
            for (int i = checkpoint; i < Math.min(n, checkpoint + size); i++) {
                items.add(i);
            }
            return items;
        }

        @Override
        public Integer process(Integer item) {
            return item % 2 == 0 ? item : null;
        }

        @Override
        public void write(List<Integer> read, List<Integer> processed) {
            if (chunk++ == failOnChunk) {
                throw new IllegalStateException("the server said no");
            }
            written.add(processed);
            pending = read.getLast() + 1;
        }

        @Override
        public void committed() {
            checkpoint = pending;
        }
    }

    /** Counts transactions; a chunk that throws is "rolled back" (the step did not publish anything). */
    static final class Transactions implements ChunkTransactions {
        int opened;

        @Override
        public <T> T inNewTransaction(Duration timeout, Supplier<T> work) {
            opened++;
            return work.get();
        }
    }

    @Test
    void readsProcessesAndWritesChunkByChunkUntilTheInputRunsOut() {
        Counting step = new Counting(10);
        Transactions tx = new Transactions();
        ChunkRunner.Outcome outcome = ChunkRunner.run(step, tx, 4, Duration.ofSeconds(5), () -> true);
        assertTrue(outcome.exhausted());
        assertFalse(outcome.failed());
        assertEquals(3, outcome.chunks());
        assertEquals(10, outcome.read());
        assertEquals(5, outcome.written());
        assertEquals(List.of(List.of(0, 2), List.of(4, 6), List.of(8)), step.written);
        assertEquals(3, tx.opened, "one transaction per chunk; a short chunk ends the input");
    }

    @Test
    void aFailingChunkEndsTheStepWithoutMovingItsCheckpoint() {
        Counting step = new Counting(10);
        step.failOnChunk = 1;
        ChunkRunner.Outcome outcome = ChunkRunner.run(step, new Transactions(), 4, Duration.ofSeconds(5), () -> true);
        assertTrue(outcome.failed());
        assertEquals("the server said no", outcome.failure().getMessage());
        assertEquals(1, outcome.chunks());
        assertEquals(4, step.checkpoint, "the failed chunk is read again next time");
    }

    @Test
    void keepGoingIsAskedBeforeEveryChunk() {
        Counting step = new Counting(100);
        int[] asked = {0};
        ChunkRunner.Outcome outcome =
                ChunkRunner.run(step, new Transactions(), 10, Duration.ofSeconds(5), () -> asked[0]++ < 2);
        assertEquals(2, outcome.chunks());
        assertFalse(outcome.exhausted());
        assertEquals(20, step.checkpoint);
    }

    @Test
    void anExactMultipleEndsWithAnEmptyRead() {
        Counting step = new Counting(8);
        Transactions tx = new Transactions();
        ChunkRunner.Outcome outcome = ChunkRunner.run(step, tx, 4, Duration.ofSeconds(5), () -> true);
        assertTrue(outcome.exhausted());
        assertEquals(2, outcome.chunks());
        assertEquals(3, tx.opened);
        assertSame(null, outcome.failure());
    }
}
