package application.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageLimitsTest {
    private static final PageLimits LIMITS = new PageLimits(50, 500);

    @Test
    void noLimitMeansTheDefault() {
        assertEquals(new PageRequest(50, null), LIMITS.request(null, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 500})
    void limitsFromOneToTheMaximumAreAccepted(int limit) {
        PageKey after = new PageKey(7, UUID.randomUUID());
        PageRequest request = LIMITS.request(limit, after);
        assertEquals(limit, request.limit());
        assertSame(after, request.after());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 501, Integer.MAX_VALUE})
    void limitsOutsideOneToTheMaximumAreRejected(int limit) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> LIMITS.request(limit, null));
        assertEquals("limit", e.field());
    }

    @Test
    void aDefaultAboveTheMaximumIsRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new PageLimits(501, 500));
        assertThrows(IllegalArgumentException.class, () -> new PageLimits(0, 500));
    }

    @Test
    void anInstantKeyKeepsMicrosecondsAndReadsBack() {
        Instant at = Instant.parse("1969-12-31T23:59:59.999999Z");
        PageKey key = PageKey.at(at, UUID.randomUUID());
        assertEquals(-1, key.position());
        assertEquals(at, key.instant());
        assertEquals(
                Instant.parse("2031-05-01T10:00:00.123456Z"),
                PageKey.at(Instant.parse("2031-05-01T10:00:00.123456789Z"), key.id())
                        .instant());
    }

    @Test
    void aPageHasANextKeyOnlyWhenARowBeyondItWasRead() {
        PageRequest request = PageRequest.first(2);
        PageKey a = new PageKey(3, UUID.randomUUID());
        PageKey b = new PageKey(2, UUID.randomUUID());
        PageKey c = new PageKey(1, UUID.randomUUID());

        assertEquals(new Page<>(List.of(a, b), java.util.Optional.of(b)), Page.of(List.of(a, b, c), request, k -> k));
        assertEquals(new Page<>(List.of(a, b), java.util.Optional.empty()), Page.of(List.of(a, b), request, k -> k));
        assertEquals(3, request.probe());
    }
}
