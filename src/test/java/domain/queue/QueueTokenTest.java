package domain.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.shared.InvalidValueException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QueueTokenTest {
    private static final String RANDOM_PART = "AAAAAAAAAAAAAAAAAAAAAA"; // 22 chars

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1." + RANDOM_PART,
                "42.abcdefghijklmnopqrstuv",
                "7.ABCDEFGHIJKLMNOPQRSTUV",
                "7.0123456789-_0123456789",
                "999999999999999999." + RANDOM_PART
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
                RANDOM_PART,
                "1",
                "1.",
                ".AAAAAAAAAAAAAAAAAAAAAA",
                "0.AAAAAAAAAAAAAAAAAAAAAA",
                "01.AAAAAAAAAAAAAAAAAAAAAA",
                "-1.AAAAAAAAAAAAAAAAAAAAAA",
                "1.AAAAAAAAAAAAAAAAAAAAA",
                "1.AAAAAAAAAAAAAAAAAAAAAAA",
                "1.AAAAAAAAAAAAAAAAAAAAA+",
                "1.AAAAAAAAAAAAAAAAAAAAA/",
                "1.AAAAAAAAAAAAAAAAAAAAA=",
                "1.AAAAAAAAAAAAAAAAAAAAA ",
                " 1.AAAAAAAAAAAAAAAAAAAAAA",
                "1,AAAAAAAAAAAAAAAAAAAAAA",
                "1234567890123456789.AAAAAAAAAAAAAAAAAAAAAA"
            })
    void malformedTokensAreRejected(String value) {
        assertFalse(QueueToken.isWellFormed(value));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new QueueToken(value));
        assertEquals("Queue-Token", e.field());
    }

    @Test
    void concertIdIsTheNumberBeforeTheDot() {
        assertEquals(42L, new QueueToken("42." + RANDOM_PART).concertId());
        assertEquals(999_999_999_999_999_999L, new QueueToken("999999999999999999." + RANDOM_PART).concertId());
    }

    @Test
    void generatedTokensAreWellFormedAndCarryTheirConcert() {
        SecureRandom random = new SecureRandom();
        for (long concertId : new long[] {1, 17, 999_999_999_999_999_999L}) {
            QueueToken token = QueueToken.generate(concertId, random);

            assertTrue(QueueToken.isWellFormed(token.value()), token.value());
            assertEquals(concertId, token.concertId());
            assertTrue(token.value().startsWith(concertId + "."));
        }
    }

    @Test
    void generatedTokensAreUnique() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            assertTrue(seen.add(QueueToken.generate(5, random).value()), "duplicate token after " + i);
        }
    }

    @Test
    void theRandomPartIsSixteenBytesTakenFromTheGenerator() {
        QueueToken token = QueueToken.generate(3, new SplittableRandom(1234));
        byte[] expected = new byte[16];
        new SplittableRandom(1234).nextBytes(expected);

        byte[] decoded = Base64.getUrlDecoder().decode(randomPart(token));

        assertEquals(16, decoded.length);
        assertArrayEquals(expected, decoded);
    }

    @Test
    void everyOneOfTheHundredTwentyEightBitsVaries() {
        SecureRandom random = new SecureRandom();
        int[] ones = new int[128];
        int samples = 2_000;
        for (int i = 0; i < samples; i++) {
            byte[] bytes = Base64.getUrlDecoder().decode(randomPart(QueueToken.generate(9, random)));
            for (int bit = 0; bit < 128; bit++) {
                if ((bytes[bit / 8] >> (bit % 8) & 1) == 1) {
                    ones[bit]++;
                }
            }
        }
        for (int bit = 0; bit < 128; bit++) {
            assertTrue(ones[bit] > 0 && ones[bit] < samples, "bit " + bit + " never changes");
        }
    }

    @Test
    void generatingForANonPositiveConcertIsRejected() {
        SecureRandom random = new SecureRandom();

        assertThrows(InvalidValueException.class, () -> QueueToken.generate(0, random));
        assertThrows(InvalidValueException.class, () -> QueueToken.generate(-3, random));
    }

    @Test
    void toStringIsTheTokenItself() {
        String value = "8." + RANDOM_PART;

        assertEquals(value, new QueueToken(value).toString());
    }

    private static String randomPart(QueueToken token) {
        return token.value().substring(token.value().indexOf('.') + 1);
    }
}
