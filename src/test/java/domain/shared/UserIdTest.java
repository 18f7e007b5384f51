package domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdTest {

    @Test
    void aOneCharacterIdIsAccepted() {
        assertEquals("a", new UserId("a").value());
    }

    @Test
    void aSixtyFourCharacterIdIsAccepted() {
        String longest = "u".repeat(UserId.MAX_LENGTH);

        assertEquals(longest, new UserId(longest).value());
    }

    @Test
    void aSixtyFiveCharacterIdIsRejected() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new UserId("u".repeat(65)));
        assertEquals("sub", e.field());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "\n"})
    void missingOrBlankIdsAreRejected(String value) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new UserId(value));
        assertEquals("sub", e.field());
    }

    @Test
    void idsAreComparedByValue() {
        assertEquals(new UserId("alice"), new UserId("alice"));
        assertNotEquals(new UserId("alice"), new UserId("Alice"));
    }

    @Test
    void toStringIsTheBareValue() {
        assertEquals("alice", new UserId("alice").toString());
    }
}
