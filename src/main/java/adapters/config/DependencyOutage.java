package adapters.config;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/**
 * Tells an outage of PostgreSQL or Redis (answer 503, try later) from a bug (answer 500). Walks the
 * causes and the suppressed exceptions: a commit that fails because the connection died arrives as
 * Narayana's {@code RollbackException} ("Could not commit transaction") with the driver's I/O error
 * only among its suppressed exceptions. A transaction that could not commit (rolled back, heuristic
 * outcome) is always a "try again": with the same Idempotency-Key the retry replays the first answer
 * if the commit did land, or runs now if it did not.
 */
public final class DependencyOutage {
    private static final int MAX_DEPTH = 32;

    private DependencyOutage() {}

    public static boolean isOutage(Throwable failure) {
        return isOutage(failure, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()), 0);
    }

    private static boolean isOutage(Throwable t, java.util.Set<Throwable> seen, int depth) {
        if (t == null || depth > MAX_DEPTH || !seen.add(t)) {
            return false;
        }
        if (isOutageItself(t)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isOutage(suppressed, seen, depth + 1)) {
                return true;
            }
        }
        return isOutage(t.getCause(), seen, depth + 1);
    }

    private static boolean isOutageItself(Throwable t) {
        if (t instanceof jakarta.transaction.RollbackException
                || t instanceof jakarta.transaction.HeuristicRollbackException
                || t instanceof jakarta.transaction.HeuristicMixedException
                || t instanceof ConnectException
                || t instanceof TimeoutException
                || t instanceof io.smallrye.mutiny.TimeoutException
                || t instanceof SQLTransientException
                || t instanceof io.vertx.core.http.ConnectionPoolTooBusyException
                || (t instanceof IOException && !(t.getClass().getName().startsWith("com.fasterxml")))) {
            return true;
        }
        if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
            return true;
        }
        String message = String.valueOf(t.getMessage());
        if (message.contains("Connection refused")
                || message.contains("Acquisition timeout")
                || message.contains("Connection reset")
                || message.contains("Connection is closed")
                || message.contains("Redis connection")
                || message.contains("CONNECTION_CLOSED")
                || message.contains("LOADING")) {
            return true;
        }
        return false;
    }

    /** 08 connection exceptions, 40 serialization failures and deadlocks, 57 operator intervention (shutdown). */
    private static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("57"));
    }
}
