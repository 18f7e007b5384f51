package application.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import application.shared.IdempotencyKey;
import domain.shared.InvalidValueException;
import domain.shared.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {
    private static final UserId ALICE = new UserId("alice");

    @ParameterizedTest
    @ValueSource(strings = {"a", "550e8400-e29b-41d4-a716-446655440000", "!~#$%&'()*+,-./:;<=>?@[]^_`{|}"})
    void visibleAsciiKeysAreAccepted(String key) {
        assertEquals(key, new IdempotencyKey(ALICE, "payment", key).key());
    }

    @Test
    void aKeyOfOneHundredTwentyEightCharactersIsAccepted() {
        String key = "k".repeat(IdempotencyKey.MAX_LENGTH);

        assertEquals(key, new IdempotencyKey(ALICE, "payment", key).key());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "has space", "tab\tkey", "한글", "new\nline"})
    void missingOrInvisibleOrNonAsciiKeysAreRejected(String key) {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> new IdempotencyKey(ALICE, "payment", key));
        assertEquals("Idempotency-Key", e.field());
    }

    @Test
    void aKeyOfOneHundredTwentyNineCharactersIsRejected() {
        assertThrows(
                InvalidValueException.class,
                () -> new IdempotencyKey(ALICE, "payment", "k".repeat(IdempotencyKey.MAX_LENGTH + 1)));
    }

    @Test
    void userAndOperationAreRequired() {
        assertThrows(NullPointerException.class, () -> new IdempotencyKey(null, "payment", "k"));
        assertThrows(NullPointerException.class, () -> new IdempotencyKey(ALICE, null, "k"));
    }

    @Test
    void theSameKeyOfAnotherUserOrOperationIsADifferentKey() {
        IdempotencyKey key = new IdempotencyKey(ALICE, "payment", "k");

        assertEquals(key, new IdempotencyKey(new UserId("alice"), "payment", "k"));
        assertNotEquals(key, new IdempotencyKey(new UserId("bob"), "payment", "k"));
        assertNotEquals(key, new IdempotencyKey(ALICE, "charge", "k"));
    }
}
