package adapters.postgres;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * The one way this adapter runs SQL it writes itself (docs/architecture.md, "Data access"): named
 * {@code :parameters}, and rows read by a {@link RowMapper} through {@link Row}'s typed getters,
 * never as untyped arrays of cells.
 *
 * <p>Inside a use case's transaction the statement runs as plain JDBC on the persistence context's
 * own connection, so in the same transaction as everything else the use case does. Hibernate's
 * handling of a native query (parsing, parameter binding, result mapping) cost more JVM time than
 * the round trip on the hold (JFR, docs/performance.md), and its result types vary by column (a
 * {@code timestamptz} came back as {@code Instant}, {@code OffsetDateTime} or {@code Timestamp}).
 * The session is flushed first, as Hibernate flushes before a native query in a transaction, so the
 * statement sees every change made through entities earlier in the transaction. A failure surfaces as Hibernate's
 * {@code JDBCException} with the {@link SQLException} as its cause, as a native query's would.
 *
 * <p>Work outside any transaction (the reconciliation batch, a lookup off the event loop) passes
 * its own {@link Connection} to the same methods and handles the {@link SQLException} itself.
 *
 * <p>The SQL keeps its {@code :name} parameters; each statement is rewritten to {@code ?}
 * placeholders once and cached (so the SQL texts must be a bounded set: constants, or a few
 * variants built from them). An {@link Instant} is bound as {@code timestamptz}, {@code null} as
 * a value whose type the statement decides, and an {@link #array} as a PostgreSQL array.
 */
final class Jdbc {
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");
    private static final Map<String, Positional> STATEMENTS = new ConcurrentHashMap<>();

    private Jdbc() {}

    /** The rows of a query (or of a statement's {@code RETURNING}), each mapped by {@code mapper}. */
    static <T> List<T> query(EntityManager em, String sql, Map<String, ?> parameters, RowMapper<T> mapper) {
        return session(em).doReturningWork(connection -> query(connection, sql, parameters, mapper));
    }

    /** The one row a statement always answers (an aggregate, an upsert's {@code RETURNING}). */
    static <T> T one(EntityManager em, String sql, Map<String, ?> parameters, RowMapper<T> mapper) {
        List<T> rows = query(em, sql, parameters, mapper);
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size() + " from: " + sql);
        }
        return rows.getFirst();
    }

    /** The row count of a data-modifying statement. */
    static int update(EntityManager em, String sql, Map<String, ?> parameters) {
        return session(em).doReturningWork(connection -> update(connection, sql, parameters));
    }

    /**
     * Each row of a query to {@code consumer} as it arrives, {@code fetchSize} rows at a time (a
     * cursor, since the use case's transaction is open): a large result never sits in memory.
     */
    static <T> void forEach(
            EntityManager em,
            String sql,
            Map<String, ?> parameters,
            int fetchSize,
            RowMapper<T> mapper,
            Consumer<? super T> consumer) {
        session(em).doWork(connection -> forEach(connection, sql, parameters, fetchSize, mapper, consumer));
    }

    /** As {@link #query(EntityManager, String, Map, RowMapper)}, on a connection of the caller's. */
    static <T> List<T> query(Connection connection, String sql, Map<String, ?> parameters, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet results = statement.executeQuery()) {
            Row row = new Row(results);
            List<T> rows = new ArrayList<>(1);
            while (results.next()) {
                rows.add(mapper.map(row));
            }
            return rows;
        }
    }

    /** As {@link #update(EntityManager, String, Map)}, on a connection of the caller's. */
    static int update(Connection connection, String sql, Map<String, ?> parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /**
     * As {@link #forEach(EntityManager, String, Map, int, RowMapper, Consumer)}, on a connection of
     * the caller's (which must not be in auto-commit mode for the fetch size to take effect).
     */
    static <T> void forEach(
            Connection connection,
            String sql,
            Map<String, ?> parameters,
            int fetchSize,
            RowMapper<T> mapper,
            Consumer<? super T> consumer)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.setFetchSize(fetchSize);
            try (ResultSet results = statement.executeQuery()) {
                Row row = new Row(results);
                while (results.next()) {
                    consumer.accept(mapper.map(row));
                }
            }
        }
    }

    /** One statement run for each parameter set, sent as one JDBC batch. */
    static void batch(Connection connection, String sql, List<? extends Map<String, ?>> parameterSets)
            throws SQLException {
        Positional positional = STATEMENTS.computeIfAbsent(sql, Jdbc::positional);
        try (PreparedStatement statement = connection.prepareStatement(positional.sql())) {
            for (Map<String, ?> parameters : parameterSets) {
                bindAll(statement, positional, parameters);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** A parameter bound as a PostgreSQL array of {@code elementType}, for {@code = ANY (:name)}. */
    static SqlArray array(String elementType, Collection<?> values) {
        return new SqlArray(elementType, List.copyOf(values));
    }

    /**
     * The session, flushed first when a transaction is active, as Hibernate flushes before a native
     * query: the statement sees every change made through entities earlier in the transaction
     * (nothing to do when none were). A read outside any transaction (an admin view) flushes nothing.
     */
    private static Session session(EntityManager em) {
        Session session = em.unwrap(Session.class);
        if (session.isJoinedToTransaction()) {
            session.flush();
        }
        return session;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Map<String, ?> parameters)
            throws SQLException {
        Positional positional = STATEMENTS.computeIfAbsent(sql, Jdbc::positional);
        PreparedStatement statement = connection.prepareStatement(positional.sql());
        try {
            bindAll(statement, positional, parameters);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bindAll(PreparedStatement statement, Positional positional, Map<String, ?> parameters)
            throws SQLException {
        for (int i = 0; i < positional.names().size(); i++) {
            String name = positional.names().get(i);
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            bind(statement, i + 1, parameters.get(name));
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.OTHER);
            case Instant instant -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
            case SqlArray array ->
                statement.setArray(
                        index,
                        statement
                                .getConnection()
                                .createArrayOf(
                                        array.elementType(), array.values().toArray()));
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

    record SqlArray(String elementType, List<?> values) {}

    /** Makes one value of the current row; it must not keep the {@link Row}, which moves on. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    /**
     * The current row of a result, read by column label with a getter per Java type. A getter of a
     * primitive refuses SQL {@code NULL}, rather than reading it as 0; the others answer
     * {@code null} for it.
     */
    static final class Row {
        private final ResultSet results;

        private Row(ResultSet results) {
            this.results = results;
        }

        String string(String column) throws SQLException {
            return results.getString(column);
        }

        long longValue(String column) throws SQLException {
            long value = results.getLong(column);
            if (results.wasNull()) {
                throw nullIn(column);
            }
            return value;
        }

        int intValue(String column) throws SQLException {
            int value = results.getInt(column);
            if (results.wasNull()) {
                throw nullIn(column);
            }
            return value;
        }

        Long nullableLong(String column) throws SQLException {
            long value = results.getLong(column);
            return results.wasNull() ? null : value;
        }

        UUID uuid(String column) throws SQLException {
            return results.getObject(column, UUID.class);
        }

        /** A {@code timestamptz} column. */
        Instant instant(String column) throws SQLException {
            OffsetDateTime value = results.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }

        /** A {@code date} column. */
        LocalDate date(String column) throws SQLException {
            return results.getObject(column, LocalDate.class);
        }

        /** A text column holding an enum constant's name. */
        <E extends Enum<E>> E enumValue(String column, Class<E> type) throws SQLException {
            String name = results.getString(column);
            return name == null ? null : Enum.valueOf(type, name);
        }

        private static IllegalStateException nullIn(String column) {
            return new IllegalStateException("column " + column + " is NULL");
        }
    }
}
