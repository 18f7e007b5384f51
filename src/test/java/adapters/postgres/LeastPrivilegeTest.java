package adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import support.TestInfrastructure;

/**
 * The application's own connections (its pool) belong to the least-privilege role: DML on its tables,
 * no DDL, no superuser, and Flyway's history is read-only to it. PostgreSQL answers 42501
 * (insufficient_privilege) or 42501-like ownership errors for everything else.
 */
@QuarkusTest
class LeastPrivilegeTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void theAppConnectsAsTheAppRoleWhichIsNotASuperuser() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "select current_user, r.rolsuper, r.rolcreatedb, r.rolcreaterole from pg_roles r where r.rolname = current_user")) {
            assertTrue(r.next());
            assertEquals(TestInfrastructure.APP_ROLE, r.getString(1));
            assertFalse(r.getBoolean(2), "not a superuser");
            assertFalse(r.getBoolean(3), "cannot create databases");
            assertFalse(r.getBoolean(4), "cannot create roles");
        }
    }

    @Test
    void theAppRoleMayReadAndWriteItsTables() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            for (String table : new String[] {"concert", "reservation", "wallet", "outbox_event"}) {
                s.executeQuery("select count(*) from " + table).close();
            }
            c.setAutoCommit(false);
            try {
                assertEquals(0, s.executeUpdate("update wallet set balance = balance where false"));
                assertEquals(0, s.executeUpdate("delete from reservation where false"));
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void theAppRoleCannotDropOrAlterOrCreateTables() {
        assertDenied("drop table wallet");
        assertDenied("alter table wallet add column stolen int");
        assertDenied("truncate table wallet_transaction");
        assertDenied("create table intruder (id int)");
        assertDenied("create index intruder_idx on wallet (balance)");
    }

    @Test
    void theAppRoleCannotRewriteTheMigrationHistory() throws SQLException {
        assertDenied("update flyway_schema_history set checksum = 0");
        assertDenied("delete from flyway_schema_history");
        assertDenied("insert into flyway_schema_history (installed_rank, description, type, script, installed_by, "
                + "execution_time, success) values (999, 'x', 'SQL', 'x', 'x', 0, true)");
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from flyway_schema_history where success")) {
            assertTrue(r.next());
            assertTrue(r.getInt(1) >= 3, "the app may read which migrations ran");
        }
    }

    private void assertDenied(String sql) {
        SQLException denied = assertThrows(SQLException.class, () -> {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                try {
                    s.execute(sql);
                } finally {
                    c.rollback();
                }
            }
        });
        // 42501 insufficient_privilege ("permission denied", "must be owner of table")
        assertEquals("42501", denied.getSQLState(), sql + ": " + denied.getMessage());
    }
}
