package adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.shared.PageKey;
import domain.shared.InvalidValueException;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {
    private static final PageKey KEY =
            new PageKey(-1_234_567L, UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));

    @Test
    void aCursorReadsBackAsTheKeyItWasWrittenFor() {
        String cursor = PageCursor.encode("reservations", KEY);

        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
        assertEquals(KEY, PageCursor.decode("reservations", cursor));
        assertEquals(PageKey.of(42), PageCursor.decode("concerts", PageCursor.encode("concerts", PageKey.of(42))));
        assertNull(PageCursor.decode("reservations", null));
    }

    @Test
    void anotherListsCursorIsRefused() {
        String cursor = PageCursor.encode("reservations", KEY);

        InvalidValueException e =
                assertThrows(InvalidValueException.class, () -> PageCursor.decode("wallet-transactions", cursor));
        assertEquals("cursor", e.field());
    }

    @Test
    void theNextLinkKeepsTheQueryAndReplacesTheCursor() {
        assertEquals(
                "</api/v1/reservations?status=HELD&limit=5&cursor=NEW>; rel=\"next\"",
                Pagination.next(
                        URI.create("http://host:8080/api/v1/reservations?status=HELD&cursor=OLD&limit=5"), "NEW"));
        assertEquals(
                "</api/v1/concerts?cursor=NEW>; rel=\"next\"",
                Pagination.next(URI.create("http://host/api/v1/concerts"), "NEW"));
        assertEquals(
                "</api/v1/x?q=a%20b&cursorx=1&cursor=NEW>; rel=\"next\"",
                Pagination.next(URI.create("/api/v1/x?q=a%20b&&cursor&cursorx=1"), "NEW"));
    }
}
