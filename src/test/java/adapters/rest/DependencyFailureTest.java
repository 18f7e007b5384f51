package adapters.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import java.io.EOFException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DependencyFailureTest {

    /** The shape measured when PostgreSQL restarted during a payment's commit (pg_ctl restart). */
    @Test
    void aCommitThatLostItsConnectionIsAnOutageEvenWhenTheCauseIsOnlySuppressed() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(
                new SQLException("An I/O error occurred while sending to the backend.", "08006", new EOFException()));
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.addSuppressed(xa);
        RuntimeException wrapped = new RuntimeException("Error invoking subclass method", commit);

        assertTrue(DependencyFailure.isOutage(wrapped));
        assertTrue(DependencyFailure.isOutage(xa), "the suppressed I/O error alone is one");
    }

    @Test
    void aTransactionThatCouldNotCommitIsATryAgain() {
        assertTrue(DependencyFailure.isOutage(new IllegalStateException(new RollbackException("timed out"))));
        assertTrue(DependencyFailure.isOutage(new HeuristicMixedException("part committed")));
    }

    @Test
    void aBugIsNotAnOutage() {
        assertFalse(DependencyFailure.isOutage(new NullPointerException("x")));
        assertFalse(DependencyFailure.isOutage(new SQLException("syntax error", "42601")));
        assertFalse(DependencyFailure.isOutage(new IllegalStateException("x", new IllegalArgumentException("y"))));
    }

    @Test
    void aCycleOfSuppressedExceptionsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        assertFalse(DependencyFailure.isOutage(a));
    }
}
