package application.shared;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** For the default {@code …Later} methods of the ports: a blocking answer as a completed stage. */
public final class Stages {
    private Stages() {}

    /** {@code answer}'s value, or its exception as a failed stage (never thrown to the caller). */
    public static <T> CompletionStage<T> now(Supplier<T> answer) {
        try {
            return CompletableFuture.completedFuture(answer.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
