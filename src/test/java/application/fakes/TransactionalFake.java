package application.fakes;

/** A fake whose state belongs to the database transaction and is put back on rollback. */
public interface TransactionalFake {
    /** Captures the current state; running the returned action puts it back. */
    Runnable checkpoint();
}
