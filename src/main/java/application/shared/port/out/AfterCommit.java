package application.shared.port.out;

/**
 * Runs work once the current transaction has committed (and not at all if it rolls back). Redis
 * follows Postgres this way: the source of truth commits first.
 */
public interface AfterCommit {
    void run(Runnable work);
}
