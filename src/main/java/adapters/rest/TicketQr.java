package adapters.rest;

import adapters.config.TicketsConfig;
import io.nayuki.qrcodegen.QrCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * A ticket code as a QR code image, PNG or SVG: the symbol by Nayuki's QR Code generator (error
 * correction M, raised as far as the same size allows; a ticket code is all alphanumeric, so the
 * encoder packs it in that mode), drawn here with a quiet zone of 4 modules. The PNG is written by
 * hand (1 bit per pixel, black on white, a few hundred bytes): no AWT, so it works the same in
 * the native image.
 */
@ApplicationScoped
public class TicketQr {
    static final String PNG = "image/png";
    static final String SVG = "image/svg+xml";
    private static final int QUIET_ZONE = 4;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final int modulePixels;

    @Inject
    public TicketQr(TicketsConfig config) {
        this(config.qr().modulePixels());
    }

    public TicketQr(int modulePixels) {
        if (modulePixels < 1 || modulePixels > 32) {
            throw new IllegalStateException("tickets.qr.module-pixels must be 1 to 32, not " + modulePixels);
        }
        this.modulePixels = modulePixels;
    }

    public byte[] png(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int modules = qr.size + 2 * QUIET_ZONE;
        int side = modules * modulePixels;
        int rowBytes = (side + 7) / 8;
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(pixels)) {
            byte[] row = new byte[1 + rowBytes]; // filter type 0, then the pixels: bit 1 is white
            for (int y = 0; y < side; y++) {
                java.util.Arrays.fill(row, (byte) 0);
                for (int x = 0; x < side; x++) {
                    boolean dark = qr.getModule(x / modulePixels - QUIET_ZONE, y / modulePixels - QUIET_ZONE);
                    if (!dark) {
                        row[1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                    }
                }
                deflate.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(PNG_SIGNATURE);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        try {
            ihdr.writeInt(side);
            ihdr.writeInt(side);
            ihdr.writeByte(1); // bit depth
            ihdr.writeByte(0); // greyscale
            ihdr.writeByte(0); // deflate
            ihdr.writeByte(0); // adaptive filtering (each row says which: none)
            ihdr.writeByte(0); // not interlaced
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(png, "IHDR", header.toByteArray());
        chunk(png, "IDAT", pixels.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    public String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append(path.isEmpty() ? "" : " ")
                            .append('M')
                            .append(x + QUIET_ZONE)
                            .append(',')
                            .append(y + QUIET_ZONE)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + side + " " + side
                + "\" shape-rendering=\"crispEdges\">\n"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
                + "<path d=\"" + path + "\" fill=\"#000000\"/>\n"
                + "</svg>\n";
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        DataOutputStream out = new DataOutputStream(png);
        try {
            out.writeInt(data.length);
            out.write(name);
            out.write(data);
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
