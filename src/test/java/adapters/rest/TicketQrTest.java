package adapters.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ticket.TicketClaims;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import support.QrCodes;
import support.TicketKeys;

/** A ticket's QR code, read back by another implementation (ZXing), is its code. */
class TicketQrTest {
    private static final String CODE =
            TicketKeys.codes().encode(new TicketClaims(UUID.randomUUID(), 123_456_789L, 40_000));

    @Test
    void thePngReadsBackAsTheCode() {
        byte[] png = new TicketQr(8).png(CODE);

        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertEquals(CODE, QrCodes.fromPng(png));
    }

    @Test
    void theSvgReadsBackAsTheCode() {
        String svg = new TicketQr(8).svg(CODE);

        assertTrue(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertEquals(CODE, QrCodes.fromSvg(svg));
    }

    @Test
    void aTicketCodeFitsAVersion7SymbolAndThePngScalesWithTheSetting() {
        // 45 modules + 2 × 4 quiet zone = 53 modules a side
        byte[] small = new TicketQr(1).png(CODE);
        assertEquals(53, width(small));
        assertEquals(53 * 8, width(new TicketQr(8).png(CODE)));
        assertEquals(CODE, QrCodes.fromPng(new TicketQr(3).png(CODE)));
        assertThrows(IllegalStateException.class, () -> new TicketQr(0));
        assertThrows(IllegalStateException.class, () -> new TicketQr(33));
    }

    private static int width(byte[] png) {
        return ((png[16] & 0xff) << 24) | ((png[17] & 0xff) << 16) | ((png[18] & 0xff) << 8) | (png[19] & 0xff);
    }
}
