package adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * The retention jobs' batch deletes (top-up orders, idempotency keys, delivered outbox events): at most a batch, oldest first, and a row another transaction
 * holds is skipped (the batch is filled from the others), never waited for. The rows are dated in
 * 2001, long before anything other tests write, so the cutoff touches only them.
 */
@QuarkusTest
class RetentionBatchTest {
    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");
    private static final Instant CUTOFF = LONG_AGO.plus(Duration.ofDays(1));
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PostgresTopUpOrderStore orders;

    @Inject
    PostgresIdempotencyStore keys;

    @Inject
    PostgresOutbox outbox;

    @Test
    void expiredOrdersGoABatchAtATimeOldestFirstSkippingALockedOne() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = "retention-" + UUID.randomUUID();
            update(
                    "INSERT INTO topup_order (id, user_id, amount, created_at, expires_at) VALUES (?, 'retention', 1000, ?, ?)",
                    id,
                    at(i),
                    at(i));
            ids.add(id);
        }
        assertBatches("topup_order", "id", "expires_at", ids, orders::forgetExpiredBefore);
    }

    @Test
    void oldIdempotencyKeysGoABatchAtATimeOldestFirstSkippingALockedOne() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String key = "retention-" + UUID.randomUUID();
            update(
                    "INSERT INTO idempotency_key (user_id, operation, key, fingerprint, created_at) VALUES ('retention', 'charge', ?, 'f', ?)",
                    key,
                    at(i));
            keys.add(key);
        }
        assertBatches("idempotency_key", "key", "created_at", keys, this.keys::forgetOlderThan);
    }

    @Test
    void deliveredEventsArePrunedABatchAtATimeOldestFirstSkippingALockedOne() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = UUID.randomUUID().toString();
            update(
                    "INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, schema_version,"
                            + " occurred_at, status, next_attempt_at, delivered_at)"
                            + " VALUES (?::uuid, 'retention', 'r', 'Test', '{}', 1, ?, 'DELIVERED', ?, ?)",
                    id,
                    at(i),
                    at(i),
                    at(i));
            ids.add(id);
        }
        assertBatches("outbox_event", "id::text", "delivered_at", ids, outbox::pruneDelivered);
    }

    @FunctionalInterface
    interface BatchDelete {
        int delete(Instant cutoff, int limit);
    }

    /**
     * With the oldest of the four rows ({@code ids}, oldest first) locked elsewhere, a batch of two
     * deletes the next two; once the lock is gone, the rest go.
     */
    private void assertBatches(String table, String column, String age, List<String> ids, BatchDelete delete)
            throws Exception {
        Connection locker = lock("SELECT 1 FROM " + table + " WHERE " + column + " = ? FOR UPDATE", ids.getFirst());
        try {
            assertEquals(2, inTransaction(() -> delete.delete(CUTOFF, 2)));
            assertEquals(List.of(ids.get(0), ids.get(3)), remaining(table, column, age));
        } finally {
            locker.rollback();
            locker.close();
        }
        assertEquals(2, inTransaction(() -> delete.delete(CUTOFF, 10)));
        assertEquals(List.of(), remaining(table, column, age));
    }

    private static Timestamp at(int minutes) {
        return Timestamp.from(LONG_AGO.plus(Duration.ofMinutes(minutes)));
    }

    /** The batch delete in a transaction of its own, on another thread: a wait for a lock fails the test. */
    private static int inTransaction(IntSupplier delete) throws Exception {
        return CompletableFuture.supplyAsync(
                        () -> QuarkusTransaction.requiringNew().call(delete::getAsInt))
                .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A connection whose open transaction holds the row {@code sql} locks. */
    private Connection lock(String sql, String id) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, id);
                s.executeQuery().close();
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private List<String> remaining(String table, String column, String age) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT " + column + " FROM " + table + " WHERE " + age + " < ? ORDER BY " + age)) {
            s.setTimestamp(1, Timestamp.from(CUTOFF));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
