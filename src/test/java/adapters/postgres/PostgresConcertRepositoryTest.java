package adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import support.Api;

/** The non-blocking existence check queue entry uses (D19), against the real database. */
@QuarkusTest
class PostgresConcertRepositoryTest {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    @Inject
    PostgresConcertRepository concerts;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anUnknownConcertIsAbsentUntilItExists() throws Exception {
        long id = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);

        assertFalse(existsLater(id));

        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO concert (id, title) OVERRIDING SYSTEM VALUE VALUES (?, 'added behind its back')")) {
            insert.setLong(1, id);
            insert.executeUpdate();
        }
        assertTrue(existsLater(id), "an absence is asked again, never remembered");
    }

    @Test
    void aCreatedConcertIsFoundFirstInTheDatabaseThenFromMemory() throws Exception {
        long concert = Api.createConcert(1, 1, 1000).id();

        assertTrue(existsLater(concert));
        assertTrue(
                concerts.existsLater(concert).toCompletableFuture().isDone(),
                "a concert found once answers at once, without a worker thread");
        assertTrue(existsLater(concert));
    }

    private boolean existsLater(long concertId) throws Exception {
        return concerts.existsLater(concertId)
                .toCompletableFuture()
                .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    }
}
