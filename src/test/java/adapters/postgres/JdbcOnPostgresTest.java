package adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.reservation.ReservationStatus;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link Jdbc}'s binding and its typed getters against the real PostgreSQL. */
@QuarkusTest
class JdbcOnPostgresTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    record Typed(UUID id, Instant at, LocalDate day, long count, int small, String text, ReservationStatus status) {}

    @Test
    void eachGetterReadsItsColumnTypeAndParametersRoundTrip() throws SQLException {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-01T12:34:56.123456Z");
        LocalDate day = LocalDate.of(2026, 3, 1);
        try (Connection c = dataSource.getConnection()) {
            Typed typed = Jdbc.query(
                            c,
                            """
                            SELECT CAST(:id AS uuid) AS id, CAST(:at AS timestamptz) AS at, CAST(:day AS date) AS day,
                                   count(*) AS count, 7::int AS small, 'a:b' AS text, 'HELD' AS status
                            FROM generate_series(1, 3)
                            """,
                            Map.of("id", id, "at", at, "day", day),
                            row -> new Typed(
                                    row.uuid("id"),
                                    row.instant("at"),
                                    row.date("day"),
                                    row.longValue("count"),
                                    row.intValue("small"),
                                    row.string("text"),
                                    row.enumValue("status", ReservationStatus.class)))
                    .getFirst();

            assertEquals(new Typed(id, at, day, 3, 7, "a:b", ReservationStatus.HELD), typed);
        }
    }

    @Test
    void aNullReadsAsNullExceptThroughAPrimitiveGetter() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Object> nulls = Jdbc.query(c, """
                            SELECT NULL::bigint AS n, NULL::uuid AS id, NULL::timestamptz AS at, NULL::date AS day,
                                   NULL::text AS status
                            """, Map.of(), row -> {
                        List<Object> values = new ArrayList<>();
                        values.add(row.nullableLong("n"));
                        values.add(row.uuid("id"));
                        values.add(row.instant("at"));
                        values.add(row.date("day"));
                        values.add(row.enumValue("status", ReservationStatus.class));
                        return values;
                    })
                    .getFirst();
            nulls.forEach(value -> assertNull(value));

            IllegalStateException refused = assertThrows(
                    IllegalStateException.class,
                    () -> Jdbc.query(c, "SELECT NULL::bigint AS n", Map.of(), row -> row.longValue("n")));
            assertEquals("column n is NULL", refused.getMessage());
        }
    }

    @Test
    void aNullParameterTakesItsTypeFromTheStatementAndAnArrayBindsForAny() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String text = Jdbc.query(
                            c,
                            "SELECT coalesce(CAST(:nothing AS text), 'none') AS t",
                            mapOfNull("nothing"),
                            row -> row.string("t"))
                    .getFirst();
            assertEquals("none", text);

            UUID wanted = UUID.randomUUID();
            List<UUID> found = Jdbc.query(
                    c,
                    "SELECT v AS id FROM unnest(CAST(:all AS uuid[])) v WHERE v = ANY (:wanted)",
                    Map.of(
                            "all", Jdbc.array("uuid", List.of(wanted, UUID.randomUUID())),
                            "wanted", Jdbc.array("uuid", List.of(wanted))),
                    row -> row.uuid("id"));
            assertEquals(List.of(wanted), found);
        }
    }

    @Test
    void aMissingParameterIsRefusedBeforeTheStatementRuns() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            IllegalArgumentException refused = assertThrows(
                    IllegalArgumentException.class,
                    () -> Jdbc.update(c, "UPDATE wallet SET balance = balance WHERE user_id = :user", Map.of()));
            assertEquals("no value for :user", refused.getMessage());
        }
    }

    /** Thrown to end the transaction with a rollback, carrying what the statement saw. */
    private static final class Seen extends RuntimeException {
        final String title;

        Seen(String title) {
            super(null, null, false, false);
            this.title = title;
        }
    }

    @Test
    void inATransactionTheStatementSeesWhatTheSessionHasNotWrittenYet() {
        Seen seen = assertThrows(
                Seen.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    ConcertEntity concert = new ConcertEntity();
                    concert.title = "as persisted";
                    concert.createdAt = Instant.now();
                    em.persist(concert);
                    concert.title = "changed in the session only";
                    throw new Seen(Jdbc.one(
                            em,
                            "SELECT title FROM concert WHERE id = :id",
                            Map.of("id", concert.id),
                            row -> row.string("title")));
                }));
        assertEquals("changed in the session only", seen.title);
    }

    @Test
    void outsideATransactionAReadRunsWithoutAFlush() {
        int one = Jdbc.one(em, "SELECT 1 AS one", Map.of(), row -> row.intValue("one"));
        assertEquals(1, one);
    }

    private static Map<String, Object> mapOfNull(String name) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put(name, null);
        return parameters;
    }
}
