package domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class RedactTest {
    @Test
    void aLongKeyShowsItsFirstAndLastFourCharactersOnly() {
        assertEquals("tpk_…x9z0", Redact.key("tpk_20261206abcdefghx9z0"));
    }

    @Test
    void aShortValueShowsNothingButStars() {
        assertEquals("************", Redact.key("order-123456"));
        assertEquals("***", Redact.key("abc"));
        assertEquals("", Redact.key(""));
        assertEquals("null", Redact.key(null));
    }

    @Test
    void everyOccurrenceInAMessageIsMasked() {
        String key = "tpk_20261206abcdefghx9z0";
        String message = "GET http://pg/v1/payments/" + key + " failed for " + key + " (order order-2026-12-06-0001)";
        String masked = Redact.within(message, key, "order-2026-12-06-0001", null, "");
        assertFalse(masked.contains(key), masked);
        assertFalse(masked.contains("order-2026-12-06-0001"), masked);
        assertEquals("GET http://pg/v1/payments/tpk_…x9z0 failed for tpk_…x9z0 (order orde…0001)", masked);
    }
}
