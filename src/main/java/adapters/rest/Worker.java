package adapters.rest;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Supplier;

/**
 * Runs a blocking use case on a worker thread from an endpoint that is itself non-blocking.
 *
 * <p>Why: for a blocking endpoint Quarkus REST deserialises the JSON body on the worker thread
 * from a blocking stream that the event loop refills chunk by chunk, and every chunk and the end
 * of the body is a hand-off between the two threads (13–25 % of the event loop's samples in the
 * hold benchmark, docs/performance.md). A non-blocking endpoint gets the whole body buffered on
 * the event loop first; the (small) JSON is bound there, and only the use case moves to a worker.
 * Failures reach the exception mappers as they would from a blocking method.
 */
final class Worker {
    private Worker() {}

    static <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
