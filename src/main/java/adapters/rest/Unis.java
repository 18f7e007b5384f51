package adapters.rest;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Use cases that answer with a {@code CompletionStage}, as endpoints on the event loop (D19). */
final class Unis {
    private Unis() {}

    /**
     * The stage as a {@code Uni}; a failure arrives as the use case raised it (not wrapped in a
     * {@code CompletionException}), so the exception mappers see the domain refusal itself.
     */
    static <T> Uni<T> fromStage(Supplier<CompletionStage<T>> call) {
        return Uni.createFrom()
                .completionStage(call)
                .onFailure(CompletionException.class)
                .transform(Throwable::getCause);
    }
}
