package support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct SQL on this run's database (not through the outage proxy), to check what the API did. */
public final class Db {
    private Db() {}

    public static long count(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement s = prepare(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A count in another database (the cluster test's own). */
    public static long countIn(String database, String sql) {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.jdbcUrl(database), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement s = prepare(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... params) {
        try (Connection c = connect();
                PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint of every table the API writes, to prove that a refused request changed nothing. */
    public static String snapshot() {
        return text("""
                SELECT concat_ws('|',
                  (SELECT count(*) FROM concert), (SELECT count(*) FROM schedule),
                  (SELECT count(*) || ':' || coalesce(sum(length(status) * id), 0) FROM seat WHERE status <> 'AVAILABLE'),
                  (SELECT count(*) || ':' || coalesce(string_agg(status, ',' ORDER BY id), '') FROM reservation),
                  (SELECT coalesce(sum(balance), 0) FROM wallet), (SELECT count(*) FROM wallet_transaction),
                  (SELECT count(*) FROM payment), (SELECT count(*) FROM idempotency_key))
                """);
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.jdbcUrl(TestInfrastructure.DATABASE), "postgres", "");
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        return s;
    }
}
