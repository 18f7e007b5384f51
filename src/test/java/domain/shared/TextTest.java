package domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void ordinaryTextAndWholeSurrogatePairsAreStorable() {
        assertTrue(Text.isStorable(null));
        assertTrue(Text.isStorable(""));
        assertTrue(Text.isStorable("아이유 콘서트 \uD83C\uDFB5 tab\tnewline\n"));
    }

    @Test
    void nulAndLoneSurrogatesAreNot() {
        assertFalse(Text.isStorable("a\u0000b"));
        assertFalse(Text.isStorable("\uD800"));
        assertFalse(Text.isStorable("x\uDC00"));
        assertFalse(Text.isStorable("\uDC00\uD800")); // the halves in the wrong order
    }

    @Test
    void replacingKeepsEverythingElse() {
        assertEquals("a\uFFFDb", Text.storable("a\u0000b"));
        assertEquals("\uFFFD\uD83C\uDFB5\uFFFD", Text.storable("\uD800\uD83C\uDFB5\uDC00"));
        assertEquals("same", Text.storable("same"));
        assertEquals(null, Text.storable(null));
    }

    @Test
    void requiringNamesTheField() {
        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> Text.requireStorable("title", "a\u0000"));
        assertEquals("title", e.field());
        assertEquals("x", Text.requireStorable("title", "x"));
    }

    @Test
    void aUserIdHasNoControlCharacters() {
        assertTrue(UserId.isValid("fan-1"));
        assertFalse(UserId.isValid("a\u0000b"));
        assertFalse(UserId.isValid("a\u0007b"));
        assertFalse(UserId.isValid("a\uD800"));
        assertFalse(UserId.isValid(" "));
        assertFalse(UserId.isValid("u".repeat(65)));
        assertThrows(InvalidValueException.class, () -> new UserId("a\u0000b"));
    }
}
