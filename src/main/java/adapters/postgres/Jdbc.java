package adapters.postgres;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Plain JDBC on the persistence context's own connection, so in the same transaction as everything
 * else the use case does: for the statements of the hold, where Hibernate's handling of a native
 * query (parsing, parameter binding, result mapping) cost more JVM time than the round trip (JFR,
 * docs/performance.md). The SQL keeps its {@code :name} parameters; each statement is rewritten to
 * {@code ?} placeholders once and cached. A failure surfaces as Hibernate's {@code JDBCException}
 * with the {@link SQLException} as its cause, as a native query's would.
 */
final class Jdbc {
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");
    private static final Map<String, Positional> STATEMENTS = new ConcurrentHashMap<>();

    private Jdbc() {}

    /** The rows of a query, each mapped by {@code row}. */
    static <T> List<T> query(EntityManager em, String sql, Map<String, ?> parameters, Row<T> row) {
        return session(em).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters);
                    ResultSet results = statement.executeQuery()) {
                List<T> rows = new ArrayList<>(1);
                while (results.next()) {
                    rows.add(row.map(results));
                }
                return rows;
            }
        });
    }

    /** The row count of a data-modifying statement. */
    static int update(EntityManager em, String sql, Map<String, ?> parameters) {
        return session(em).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    /**
     * The session, flushed first, as Hibernate flushes before a native query: the statement sees
     * every change made through entities earlier in the transaction (nothing to do when none were).
     */
    private static Session session(EntityManager em) {
        Session session = em.unwrap(Session.class);
        session.flush();
        return session;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Map<String, ?> parameters)
            throws SQLException {
        Positional positional = STATEMENTS.computeIfAbsent(sql, Jdbc::positional);
        PreparedStatement statement = connection.prepareStatement(positional.sql());
        try {
            for (int i = 0; i < positional.names().size(); i++) {
                String name = positional.names().get(i);
                if (!parameters.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name);
                }
                bind(statement, i + 1, parameters.get(name));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.OTHER);
            case Instant instant -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
            default -> statement.setObject(index, value);
        }
    }

    static Positional positional(String sql) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder rewritten = new StringBuilder(sql.length());
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(rewritten, "?");
        }
        matcher.appendTail(rewritten);
        return new Positional(rewritten.toString(), List.copyOf(names));
    }

    record Positional(String sql, List<String> names) {}

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }
}
