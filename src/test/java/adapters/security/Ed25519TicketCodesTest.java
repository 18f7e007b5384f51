package adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.ticket.TicketClaims;
import domain.ticket.TicketSigningKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import support.TicketKeys;

/** Signing and verifying ticket codes: only the key's holder makes one; anyone with the public key checks it. */
class Ed25519TicketCodesTest {
    private static final KeyPair K1 = TicketKeys.newPair();
    private static final KeyPair K2 = TicketKeys.newPair();
    private static final TicketClaims CLAIMS = new TicketClaims(UUID.randomUUID(), 42, 7);

    private static Ed25519TicketCodes signingWith(String kid, KeyPair pair, Map<String, KeyPair> accepted) {
        Map<String, java.security.PublicKey> keys = new java.util.HashMap<>();
        accepted.forEach((id, p) -> keys.put(id, p.getPublic()));
        return new Ed25519TicketCodes(kid, pair.getPrivate(), keys);
    }

    private static final Ed25519TicketCodes CODES = signingWith("K1", K1, Map.of());

    @Test
    void aCodeReadsBackAsItsClaimsAndIsCompactAndQrAlphanumeric() {
        String code = CODES.encode(CLAIMS);

        assertEquals(Optional.of(CLAIMS), CODES.decode(code));
        assertTrue(code.startsWith("TK1.K1."), code);
        assertTrue(Pattern.matches("[0-9A-Z.]+", code), "only QR alphanumeric characters: " + code);
        assertEquals(4 + 3 + 148, code.length(), code);
        assertEquals(code, CODES.encode(CLAIMS), "Ed25519 is deterministic: the same ticket, the same code");
    }

    @Test
    void aCodeVerifiesOfflineWithThePublishedPublicKeyAlone() throws Exception {
        String code = CODES.encode(CLAIMS);
        TicketSigningKey published = CODES.verificationKeys().getFirst();
        assertEquals("K1", published.keyId());
        assertTrue(published.current());

        // what a gate device does: the JWK's x, the signed header and payload, the signature
        byte[] x = Base64.getUrlDecoder().decode(published.x());
        var spec = new java.security.spec.EdECPublicKeySpec(java.security.spec.NamedParameterSpec.ED25519, point(x));
        var publicKey = java.security.KeyFactory.getInstance("Ed25519").generatePublic(spec);
        int dot = code.indexOf('.', 4);
        byte[] body = Base32.decode(code.substring(dot + 1), 92).orElseThrow();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(code.substring(0, dot + 1).getBytes(StandardCharsets.US_ASCII));
        verifier.update(body, 0, 28);
        assertTrue(verifier.verify(java.util.Arrays.copyOfRange(body, 28, 92)));
    }

    /** RFC 8032 §5.1.3: little-endian y with the sign of x in the top bit. */
    private static java.security.spec.EdECPoint point(byte[] raw) {
        byte[] bigEndian = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            bigEndian[i] = raw[raw.length - 1 - i];
        }
        boolean xOdd = (bigEndian[0] & 0x80) != 0;
        bigEndian[0] &= 0x7f;
        return new java.security.spec.EdECPoint(xOdd, new java.math.BigInteger(1, bigEndian));
    }

    @Test
    void aTamperedPayloadDoesNotVerify() {
        String code = CODES.encode(CLAIMS);
        int dot = code.indexOf('.', 4);
        byte[] body = Base32.decode(code.substring(dot + 1), 92).orElseThrow();
        for (int i : new int[] {0, 15, 16, 23, 24, 27, 28, 91}) {
            byte[] altered = body.clone();
            altered[i] ^= 1;
            String forged = code.substring(0, dot + 1) + Base32.encode(altered);
            assertEquals(Optional.empty(), CODES.decode(forged), "byte " + i + " flipped");
        }
    }

    @Test
    void aSignatureMovedToAnotherTicketOrKeyIdDoesNotVerify() {
        String code = CODES.encode(CLAIMS);
        String other = CODES.encode(new TicketClaims(UUID.randomUUID(), 42, 8));
        int dot = code.indexOf('.', 4);
        String spliced = code.substring(0, dot + 1 + 44) + other.substring(dot + 1 + 44);
        assertEquals(Optional.empty(), CODES.decode(spliced));

        Ed25519TicketCodes twoIds = signingWith("K1", K1, Map.of("K9", K1));
        assertEquals(Optional.of(CLAIMS), twoIds.decode(code));
        assertEquals(Optional.empty(), twoIds.decode(code.replace("TK1.K1.", "TK1.K9.")), "the kid is signed too");
    }

    @Test
    void aCodeSignedWithAnotherKeyDoesNotVerify() {
        String foreign = signingWith("K1", K2, Map.of()).encode(CLAIMS);

        assertEquals(Optional.empty(), CODES.decode(foreign));
    }

    @Test
    void afterARotationCodesOfTheOldKeyStillVerifyAndNewOnesUseTheNewKey() {
        String old = CODES.encode(CLAIMS);
        Ed25519TicketCodes rotated = signingWith("K2", K2, Map.of("K1", K1));

        String renewed = rotated.encode(CLAIMS);

        assertEquals(Optional.of(CLAIMS), rotated.decode(old));
        assertEquals(Optional.of(CLAIMS), rotated.decode(renewed));
        assertTrue(renewed.startsWith("TK1.K2."), renewed);
        assertNotEquals(old, renewed);
        assertEquals(Optional.empty(), CODES.decode(renewed), "not before the new key is accepted");
        List<TicketSigningKey> keys = rotated.verificationKeys();
        assertEquals(
                List.of("K2", "K1"), keys.stream().map(TicketSigningKey::keyId).toList());
        assertEquals(
                List.of(true, false),
                keys.stream().map(TicketSigningKey::current).toList());

        Ed25519TicketCodes retired = signingWith("K2", K2, Map.of());
        assertEquals(Optional.empty(), retired.decode(old), "once the old key is dropped its codes are refused");
    }

    @Test
    void malformedInputIsRefusedWithoutAnException() {
        String code = CODES.encode(CLAIMS);
        for (String bad : new String[] {
            null,
            "",
            "TK1",
            "TK1.",
            "TK1.K1.",
            "TK1..AAAA",
            "TK2" + code.substring(3),
            code.toLowerCase(),
            code + "A",
            code.substring(0, code.length() - 1),
            code.substring(0, code.length() - 1) + "1",
            code.replace("TK1.K1.", "TK1.k1."),
            code.replace("TK1.K1.", "TK1.NOPE."),
            code + "." + code,
            "x".repeat(10_000),
            "TK1.K1." + "A".repeat(148),
            "TK1.K1." + "7".repeat(148),
        }) {
            assertEquals(Optional.empty(), CODES.decode(bad), String.valueOf(bad));
        }
    }

    @Test
    void onlyOneSpellingOfACodeVerifies() {
        String code = CODES.encode(CLAIMS);
        char last = code.charAt(code.length() - 1);
        // the last character carries 1 bit of the signature and 4 zero bits: a sibling with other low bits
        char sibling = (char) (last == 'A' ? 'B' : last == 'Q' ? 'R' : last + 1);
        assertEquals(Optional.empty(), CODES.decode(code.substring(0, code.length() - 1) + sibling));
    }

    @Test
    void keysAreReadFromPemAndMisconfigurationStopsTheStart() {
        var parsed = Ed25519TicketCodes.parsePrivateKey(TicketKeys.privatePem(K1.getPrivate()));
        assertEquals(
                Ed25519TicketCodes.rawBase64Url(K1.getPublic()),
                Ed25519TicketCodes.rawBase64Url(Ed25519TicketCodes.publicKeyOf(parsed)),
                "the public half derived from the private key is the pair's");
        assertThrows(IllegalStateException.class, () -> Ed25519TicketCodes.parsePrivateKey("not a key"));
        KeyPair rsa = support.Tokens.newKeyPair();
        assertThrows(
                IllegalStateException.class,
                () -> Ed25519TicketCodes.parsePrivateKey(TicketKeys.privatePem(rsa.getPrivate())));
        assertThrows(IllegalStateException.class, () -> signingWith("k1", K1, Map.of()));
        assertThrows(IllegalStateException.class, () -> signingWith("TOOLONGID", K1, Map.of()));
        assertThrows(IllegalStateException.class, () -> signingWith("K1", K1, Map.of("K1", K2)));
    }

    @Test
    void base32IsCanonical() {
        for (int length : new int[] {0, 1, 2, 3, 4, 5, 28, 92}) {
            byte[] bytes = new byte[length];
            new java.util.Random(length).nextBytes(bytes);
            String text = Base32.encode(bytes);
            assertEquals(Base32.encodedLength(length), text.length());
            assertTrue(
                    java.util.Arrays.equals(bytes, Base32.decode(text, length).orElseThrow()));
        }
        assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), Base32.decode("MZXW6YTBOJ", 6), "non-zero pad bits");
    }
}
