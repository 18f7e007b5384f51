package adapters.security;

import java.util.Optional;

/**
 * RFC 4648 base32 (A–Z, 2–7) without padding: every character is in a QR code's alphanumeric set,
 * which packs 5.5 bits per character against 8 for base64's byte mode, so a code fits a smaller QR
 * version. Decoding is strict: upper case only, and the unused low bits of the last character
 * must be zero, so each byte string has exactly one encoding.
 */
final class Base32 {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {}

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(encodedLength(bytes.length));
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /** The characters that encode {@code bytes} bytes. */
    static int encodedLength(int bytes) {
        return (bytes * 8 + 4) / 5;
    }

    /** The bytes, or empty when {@code text} is not the canonical encoding of {@code length} bytes. */
    static Optional<byte[]> decode(CharSequence text, int length) {
        if (text.length() != encodedLength(length)) {
            return Optional.empty();
        }
        byte[] out = new byte[length];
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = value(text.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[written++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
            buffer &= (1 << bits) - 1;
        }
        if (written != length || buffer != 0) {
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}
