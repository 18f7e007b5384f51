package adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import support.TestInfrastructure;

/**
 * V9 on a database that already sold seats: every CONFIRMED reservation gets an ISSUED ticket, issued
 * when it was paid, and nothing else does; the app role may write the new table; the table refuses
 * a status without its times.
 */
class TicketMigrationTest {
    private final String database = "cb_test_v9_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void create() throws SQLException {
        TestInfrastructure.createDatabase(database);
    }

    @AfterEach
    void drop() throws SQLException {
        TestInfrastructure.dropDatabase(database);
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(
                        TestInfrastructure.jdbcUrl(database),
                        TestInfrastructure.OWNER_ROLE,
                        TestInfrastructure.OWNER_ROLE)
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", TestInfrastructure.APP_ROLE))
                .target(target)
                .load();
    }

    private void sql(String role, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.jdbcUrl(database), role, role);
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void reservationsPaidBeforeTicketsExistedGetTheirTicket() throws SQLException {
        flyway("6").migrate();
        sql(
                TestInfrastructure.OWNER_ROLE,
                "INSERT INTO concert (title) VALUES ('before tickets')",
                "INSERT INTO schedule (concert_id, starts_at, seat_count) VALUES (1, '2031-01-01T19:00:00Z', 3)",
                "INSERT INTO seat (schedule_id, number, price, status) VALUES (1, 1, 1000, 'SOLD'), (1, 2, 1000,"
                        + " 'AVAILABLE'), (1, 3, 1000, 'AVAILABLE')",
                "INSERT INTO reservation VALUES ('00000000-0000-0000-0000-000000000001', 'fan', 1, 1, 1, 1, 1000,"
                        + " 'CONFIRMED', '2030-01-01T00:05:00Z', '2030-01-01T00:00:00Z', '2030-01-01T00:01:00Z')",
                "INSERT INTO reservation VALUES ('00000000-0000-0000-0000-000000000002', 'fan', 1, 1, 2, 2, 1000,"
                        + " 'EXPIRED', '2030-01-01T00:05:00Z', '2030-01-01T00:00:00Z', '2030-01-01T00:05:00Z')",
                "INSERT INTO payment VALUES ('00000000-0000-0000-0000-0000000000aa',"
                        + " '00000000-0000-0000-0000-000000000001', 'fan', 1000, 0, '2030-01-01T00:00:30Z')");

        flyway("latest").migrate();

        String url = TestInfrastructure.jdbcUrl(database);
        assertEquals(1, count(url, "SELECT count(*) FROM ticket"));
        assertEquals(
                1,
                count(
                        url,
                        "SELECT count(*) FROM ticket WHERE reservation_id = '00000000-0000-0000-0000-000000000001'"
                                + " AND user_id = 'fan' AND schedule_id = 1 AND seat_number = 1 AND status = 'ISSUED'"
                                + " AND issued_at = '2030-01-01T00:00:30Z'"));
        // the service's role writes tickets (afterMigrate.sql's grants cover the new table)
        sql(
                TestInfrastructure.APP_ROLE,
                "UPDATE ticket SET status = 'CHECKED_IN', checked_in_at = now(), checked_in_by = 'gate'");
        assertThrows(
                SQLException.class,
                () -> sql(TestInfrastructure.APP_ROLE, "UPDATE ticket SET status = 'VOID'"),
                "VOID needs its time and refund");
        assertThrows(
                SQLException.class,
                () -> sql(TestInfrastructure.APP_ROLE, "UPDATE ticket SET checked_in_at = NULL"),
                "CHECKED_IN needs its time");
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement();
                var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
