package domain.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.shared.InvalidValueException;
import domain.shared.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QueueTokenTest {
    private static final String SIGNATURE = "AAAAAAAAAAAAAAAAAAAAAA"; // 22 chars
    private static final String ALICE_B64 = "YWxpY2U"; // "alice"

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.0.0." + ALICE_B64 + "." + SIGNATURE,
                "42.1796000000000123.1796000000000." + ALICE_B64 + ".abcdefghijklmnopqrstuv",
                "7.5.5." + ALICE_B64 + ".0123456789-_0123456789",
                "999999999999999999.1.1." + ALICE_B64 + "." + SIGNATURE
            })
    void wellFormedTokensAreAccepted(String value) {
        assertTrue(QueueToken.isWellFormed(value));
        assertEquals(value, new QueueToken(value).value());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "garbage",
                SIGNATURE,
                "1." + SIGNATURE, // the old format: concert and 128 random bits
                "1.1.1." + ALICE_B64,
                "0.1.1." + ALICE_B64 + "." + SIGNATURE,
                "01.1.1." + ALICE_B64 + "." + SIGNATURE,
                "-1.1.1." + ALICE_B64 + "." + SIGNATURE,
                "1.01.1." + ALICE_B64 + "." + SIGNATURE,
                "1.x.1." + ALICE_B64 + "." + SIGNATURE,
                "1.1.1.." + SIGNATURE,
                "1.1.1.YWxp+2U." + SIGNATURE,
                "1.1.1.A." + SIGNATURE, // not base64 of anything
                "1.1.1." + ALICE_B64 + ".AAAAAAAAAAAAAAAAAAAAA",
                "1.1.1." + ALICE_B64 + ".AAAAAAAAAAAAAAAAAAAAAAA",
                "1.1.1." + ALICE_B64 + ".AAAAAAAAAAAAAAAAAAAAA=",
                "1.1.1." + ALICE_B64 + "." + SIGNATURE + ".x",
                " 1.1.1." + ALICE_B64 + "." + SIGNATURE,
                "1234567890123456789.1.1." + ALICE_B64 + "." + SIGNATURE
            })
    void malformedTokensAreRejected(String value) {
        assertFalse(QueueToken.isWellFormed(value));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new QueueToken(value));
        assertEquals("Queue-Token", e.field());
    }

    @Test
    void aUserPartThatIsNotAUserIdIsRefusedWhenRead() {
        QueueToken blankUser = new QueueToken("1.1.1.ICA." + SIGNATURE); // base64 of two spaces

        InvalidValueException e = assertThrows(InvalidValueException.class, blankUser::userId);
        assertEquals("Queue-Token", e.field());
    }

    @Test
    void anOverlongTokenIsRejectedBeforeItIsParsed() {
        String value = "1.1.1." + "A".repeat(QueueToken.MAX_LENGTH) + "." + SIGNATURE;

        assertFalse(QueueToken.isWellFormed(value));
    }

    @Test
    void theClaimsRoundTripThroughTheToken() {
        QueueTokenClaims claims = new QueueTokenClaims(
                new UserId("fan.with dots/and ünïcode"),
                42,
                1_796_000_000_000_123L,
                Instant.ofEpochMilli(1_796_000_000_000L));

        QueueToken token = QueueToken.of(claims, SIGNATURE);

        assertEquals(claims, token.claims());
        assertEquals(42, token.concertId());
        assertEquals(1_796_000_000_000_123L, token.arrival());
        assertEquals(Instant.ofEpochMilli(1_796_000_000_000L), token.issuedAt());
        assertEquals(new UserId("fan.with dots/and ünïcode"), token.userId());
        assertEquals(claims.payload(), token.payload());
        assertEquals(SIGNATURE, token.signature());
        assertTrue(token.value().startsWith("42.1796000000000123.1796000000000."), token.value());
    }

    @Test
    void claimsOutsideTheirRangeAreRejected() {
        UserId alice = new UserId("alice");
        Instant at = Instant.ofEpochMilli(1);

        assertThrows(InvalidValueException.class, () -> new QueueTokenClaims(alice, 0, 1, at));
        assertThrows(InvalidValueException.class, () -> new QueueTokenClaims(alice, 1, -1, at));
        assertThrows(InvalidValueException.class, () -> new QueueTokenClaims(alice, 1, 1, Instant.ofEpochMilli(-1)));
    }

    @Test
    void toStringIsTheTokenItself() {
        String value = "8.1.1." + ALICE_B64 + "." + SIGNATURE;

        assertEquals(value, new QueueToken(value).toString());
    }

    @Test
    void aTokenIsRestorableOnlyIfIssuedBeforeTheRoomBeganAndWithinTheWindow() {
        java.time.Instant issued = java.time.Instant.ofEpochMilli(1_796_000_000_000L);
        QueueToken token = new QueueToken("42.1." + issued.toEpochMilli() + "." + ALICE_B64 + "." + SIGNATURE);
        java.time.Duration window = java.time.Duration.ofHours(1);
        java.time.Instant since = issued.plusMillis(1);

        assertTrue(token.isRestorable(since, window, issued.plus(window)));
        assertFalse(token.isRestorable(since, window, issued.plus(window).plusMillis(1)), "too old");
        assertFalse(token.isRestorable(issued, window, issued.plusMillis(5)), "issued by this state of the room");
        assertFalse(token.isRestorable(since, java.time.Duration.ZERO, since), "a window of 0 restores nothing");
    }
}
