package adapters.rest;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/** Tells an outage of PostgreSQL or Redis (answer 503, try later) from a bug (answer 500). */
final class DependencyFailure {
    private DependencyFailure() {}

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
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
        }
        return false;
    }

    /** 08 connection exceptions, 40 serialization failures and deadlocks, 57 operator intervention (shutdown). */
    private static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("57"));
    }
}
