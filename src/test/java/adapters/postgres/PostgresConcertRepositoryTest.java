package adapters.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import support.Api;

/** The non-blocking existence check queue entry uses (D19), against the real database. */
@QuarkusTest
class PostgresConcertRepositoryTest {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    @Inject
    PostgresConcertRepository concerts;

    @Test
    void anUnknownConcertIsAbsentAndStaysAbsentUntilItExists() throws Exception {
        long unknown = 9_876_543_210L;

        assertFalse(existsLater(unknown));
        assertFalse(existsLater(unknown), "an absence is asked again, never remembered");
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
