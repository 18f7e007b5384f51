package adapters.rest;

import domain.shared.DomainException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.Executor;
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
 *
 * <p>A client that hangs up cancels the subscription while the use case still runs. A domain
 * refusal it then ends with (409, 404, ...) is an answer nobody waits for, so it travels as an item
 * and is dropped silently; any other failure stays a failure, which Mutiny reports (ERROR) when no
 * one is left to map it.
 */
final class Worker {
    private Worker() {}

    static <T> Uni<T> run(Supplier<T> work) {
        return run(work, Infrastructure.getDefaultWorkerPool());
    }

    static <T> Uni<T> run(Supplier<T> work, Executor executor) {
        return Uni.createFrom()
                .item(() -> Outcome.of(work))
                .runSubscriptionOn(executor)
                .map(Outcome::get);
    }

    private record Outcome<T>(T value, DomainException refusal) {
        static <T> Outcome<T> of(Supplier<T> work) {
            try {
                return new Outcome<>(work.get(), null);
            } catch (DomainException refusal) {
                return new Outcome<>(null, refusal);
            }
        }

        T get() {
            if (refusal != null) {
                throw refusal;
            }
            return value;
        }
    }
}
