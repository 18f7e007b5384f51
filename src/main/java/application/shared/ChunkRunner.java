package application.shared;

import application.shared.port.out.ChunkTransactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Reader → processor → writer in chunks, each chunk one transaction (decisions D42): the reader
 * reads up to {@code size} items after the step's checkpoint, the processor maps each item (null
 * filters it out), the writer writes what is left and saves the new checkpoint with its writes, and
 * the chunk commits. A chunk that throws rolls back (its checkpoint is not moved) and ends the step:
 * the next run reads the same chunk again. Memory holds one chunk.
 *
 * <p>The checkpoint is the step's own business: a batch that must resume where it stopped keeps it in
 * its store and moves it in {@link Step#write}, so it commits with the chunk's writes; a batch that
 * starts over each run keeps it in the step object.
 */
public final class ChunkRunner {
    private ChunkRunner() {}

    /** One step of a batch. Every method runs inside the chunk's transaction. */
    public interface Step<I, O> {
        /** Up to {@code size} items after the checkpoint; fewer (or none) at the end of the input. */
        List<I> read(int size);

        /** The item to write, or null to leave it out. */
        O process(I item);

        /** Writes the chunk's processed items (possibly none) and moves the checkpoint past {@code read}. */
        void write(List<I> read, List<O> processed);

        /**
         * Called after the chunk committed (not after a rollback): the place to move a checkpoint kept
         * in memory, or to count what the chunk did.
         */
        default void committed() {}
    }

    /**
     * How a step ended. {@code exhausted}: the input ran out; {@code failure}: the chunk that threw
     * (rolled back), null when none did; otherwise {@code keepGoing} said stop.
     */
    public record Outcome(long chunks, long read, long written, boolean exhausted, RuntimeException failure) {
        public boolean failed() {
            return failure != null;
        }
    }

    /**
     * Runs chunks of {@code size} until the input runs out, a chunk fails, or {@code keepGoing} says
     * stop (asked before each chunk). {@code timeout} bounds each chunk's transaction.
     */
    public static <I, O> Outcome run(
            Step<I, O> step, ChunkTransactions transactions, int size, Duration timeout, BooleanSupplier keepGoing) {
        if (size < 1) {
            throw new IllegalArgumentException("a chunk holds at least one item");
        }
        long chunks = 0;
        long read = 0;
        long written = 0;
        while (keepGoing.getAsBoolean()) {
            int[] counts;
            try {
                counts = transactions.inNewTransaction(timeout, () -> chunk(step, size));
            } catch (RuntimeException e) {
                return new Outcome(chunks, read, written, false, e);
            }
            if (counts[0] == 0) {
                return new Outcome(chunks, read, written, true, null);
            }
            step.committed();
            chunks++;
            read += counts[0];
            written += counts[1];
            if (counts[0] < size) {
                return new Outcome(chunks, read, written, true, null);
            }
        }
        return new Outcome(chunks, read, written, false, null);
    }

    private static <I, O> int[] chunk(Step<I, O> step, int size) {
        List<I> items = step.read(size);
        if (items.isEmpty()) {
            return new int[] {0, 0};
        }
        List<O> processed = new ArrayList<>(items.size());
        for (I item : items) {
            O out = step.process(item);
            if (out != null) {
                processed.add(out);
            }
        }
        step.write(items, processed);
        return new int[] {items.size(), processed.size()};
    }
}
