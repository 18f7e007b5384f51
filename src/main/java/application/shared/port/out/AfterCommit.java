package application.shared.port.out;

/**
 * Runs work once the current transaction has committed (and not at all if it rolls back); outside a
 * transaction, at once. Redis follows Postgres this way: the source of truth commits first. Work
 * that fails after the commit cannot undo it, so its failure is not the caller's: it is logged.
 */
public interface AfterCommit {
    void run(Runnable work);
}
