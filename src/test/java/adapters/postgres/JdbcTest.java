package adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcTest {
    @Test
    void namedParametersBecomePlaceholdersInOrderRepeatsIncluded() {
        Jdbc.Positional positional = Jdbc.positional(
                "UPDATE seat SET reservation_id = :reservation WHERE schedule_id = :schedule AND x = :schedule");

        assertEquals("UPDATE seat SET reservation_id = ? WHERE schedule_id = ? AND x = ?", positional.sql());
        assertEquals(List.of("reservation", "schedule", "schedule"), positional.names());
    }

    @Test
    void castsLiteralsAndTimesAreNotParameters() {
        Jdbc.Positional positional =
                Jdbc.positional("SELECT :payload::jsonb, '20:00', 'a:b', CAST(:at AS timestamptz), x::int");

        assertEquals("SELECT ?::jsonb, '20:00', 'a:b', CAST(? AS timestamptz), x::int", positional.sql());
        assertEquals(List.of("payload", "at"), positional.names());
    }
}
