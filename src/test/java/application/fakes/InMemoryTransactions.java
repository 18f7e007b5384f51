package application.fakes;

import java.util.List;
import java.util.function.Supplier;

/**
 * Plays the part of {@code @Transactional}: on a runtime exception every transactional fake is put
 * back as it was and after-commit work is dropped; on success the after-commit work runs.
 */
public final class InMemoryTransactions {
    private final RecordingAfterCommit afterCommit;
    private final List<TransactionalFake> resources;

    public InMemoryTransactions(RecordingAfterCommit afterCommit, TransactionalFake... resources) {
        this.afterCommit = afterCommit;
        this.resources = List.of(resources);
    }

    public <T> T call(Supplier<T> work) {
        List<Runnable> restores =
                resources.stream().map(TransactionalFake::checkpoint).toList();
        afterCommit.begin();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            restores.forEach(Runnable::run);
            afterCommit.rollback();
            throw e;
        }
        afterCommit.commit();
        return result;
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
