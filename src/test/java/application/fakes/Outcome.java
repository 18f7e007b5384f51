package application.fakes;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** What a use case's stage ends with, for tests: its value, or its refusal rethrown unwrapped. */
public final class Outcome {
    private Outcome() {}

    public static <T> T of(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
