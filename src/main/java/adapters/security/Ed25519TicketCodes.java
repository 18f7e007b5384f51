package adapters.security;

import adapters.config.TicketsConfig;
import application.ticketing.port.out.TicketCodes;
import domain.ticket.TicketClaims;
import domain.ticket.TicketSigningKey;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ticket codes signed with Ed25519 (the JDK's, no library): {@code TK1.<kid>.<base32(payload ‖
 * signature)>}, where the payload is the ticket id (16 bytes), the schedule id (8) and the seat
 * number (4), big-endian, and the signature (64 bytes) covers {@code "TK1.<kid>."} followed by the
 * payload, so neither the format version nor the key id can be changed under it. About 160
 * characters, all in a QR code's alphanumeric set (a version 7 symbol at error correction M).
 *
 * <p>Any holder of the public keys ({@code GET /api/v1/tickets/signing-keys}) can verify a code
 * offline; only the service can make one. Codes name the key that signed them, so a key is
 * rotated by signing with a new id while the old public key stays in {@code
 * tickets.signing.accepted-keys} (see {@link TicketsConfig.Signing}). Built at start-up: an
 * unreadable key, a key id out of format or a private key that does not sign stops the service
 * before it serves anything.
 */
@Startup
@ApplicationScoped
public class Ed25519TicketCodes implements TicketCodes {
    static final String VERSION = "TK1";
    private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{1,8}");
    private static final int PAYLOAD_BYTES = 16 + 8 + 4;
    private static final int SIGNATURE_BYTES = 64;
    private static final int BODY_CHARS = Base32.encodedLength(PAYLOAD_BYTES + SIGNATURE_BYTES);
    /** Longer input is refused before any work. */
    static final int MAX_LENGTH = VERSION.length() + 1 + 8 + 1 + BODY_CHARS;
    /** An Ed25519 public key's X.509 encoding ends with its 32 raw bytes. */
    private static final int RAW_PUBLIC_KEY_BYTES = 32;

    private final String keyId;
    private final PrivateKey signingKey;
    private final Map<String, PublicKey> verificationKeys;
    /** The ids of {@link #verificationKeys}: the signing key's first, then the accepted ones by id. */
    private final List<String> orderedIds;

    @Inject
    public Ed25519TicketCodes(TicketsConfig config) {
        this(
                config.signing().keyId(),
                privateKey(config.signing()),
                accepted(config.signing().acceptedKeys()));
    }

    /** Signs with {@code signingKey} under {@code keyId}; verifies with it and the {@code acceptedKeys}. */
    public Ed25519TicketCodes(String keyId, PrivateKey signingKey, Map<String, PublicKey> acceptedKeys) {
        requireKeyId(keyId, "tickets.signing.key-id");
        acceptedKeys.keySet().forEach(id -> requireKeyId(id, "tickets.signing.accepted-keys.<id>"));
        if (acceptedKeys.containsKey(keyId)) {
            throw new IllegalStateException(
                    "tickets.signing.accepted-keys names the signing key's id " + keyId + "; every key has its own id");
        }
        this.keyId = keyId;
        this.signingKey = signingKey;
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        keys.put(keyId, publicKeyOf(signingKey));
        keys.putAll(acceptedKeys);
        this.verificationKeys = Map.copyOf(keys);
        this.orderedIds = List.copyOf(keys.keySet());
    }

    @Override
    public String encode(TicketClaims claims) {
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(claims.ticketId().getMostSignificantBits())
                .putLong(claims.ticketId().getLeastSignificantBits())
                .putLong(claims.scheduleId())
                .putInt(claims.seatNumber())
                .array();
        String header = VERSION + "." + keyId + ".";
        byte[] signature = sign(signingKey, header, payload);
        byte[] body = Arrays.copyOf(payload, PAYLOAD_BYTES + SIGNATURE_BYTES);
        System.arraycopy(signature, 0, body, PAYLOAD_BYTES, SIGNATURE_BYTES);
        return header + Base32.encode(body);
    }

    @Override
    public Optional<TicketClaims> decode(String code) {
        if (code == null || code.length() > MAX_LENGTH || !code.startsWith(VERSION + ".")) {
            return Optional.empty();
        }
        int dot = code.indexOf('.', VERSION.length() + 1);
        if (dot < 0) {
            return Optional.empty();
        }
        PublicKey key = verificationKeys.get(code.substring(VERSION.length() + 1, dot));
        if (key == null) {
            return Optional.empty();
        }
        Optional<byte[]> body = Base32.decode(code.substring(dot + 1), PAYLOAD_BYTES + SIGNATURE_BYTES);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(body.get(), PAYLOAD_BYTES);
        byte[] signature = Arrays.copyOfRange(body.get(), PAYLOAD_BYTES, PAYLOAD_BYTES + SIGNATURE_BYTES);
        if (!verifies(key, code.substring(0, dot + 1), payload, signature)) {
            return Optional.empty();
        }
        ByteBuffer claims = ByteBuffer.wrap(payload);
        UUID ticketId = new UUID(claims.getLong(), claims.getLong());
        long scheduleId = claims.getLong();
        int seatNumber = claims.getInt();
        if (scheduleId < 1 || seatNumber < 1) {
            return Optional.empty(); // signed by us, so never; but a code is never trusted to be well-formed
        }
        return Optional.of(new TicketClaims(ticketId, scheduleId, seatNumber));
    }

    @Override
    public List<TicketSigningKey> verificationKeys() {
        List<TicketSigningKey> keys = new ArrayList<>();
        for (String id : orderedIds) {
            keys.add(new TicketSigningKey(id, rawBase64Url(verificationKeys.get(id)), id.equals(keyId)));
        }
        return keys;
    }

    private static byte[] sign(PrivateKey key, String header, byte[] payload) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(header.getBytes(StandardCharsets.US_ASCII));
            ed25519.update(payload);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing a ticket code failed", e);
        }
    }

    private static boolean verifies(PublicKey key, String header, byte[] payload, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(header.getBytes(StandardCharsets.US_ASCII));
            ed25519.update(payload);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature (not a point on the curve, ...) is just not a signature
        }
    }

    private static void requireKeyId(String id, String setting) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException(setting + " must be 1 to 8 characters of A-Z and 0-9, not '" + id + "'");
        }
    }

    /** The 32 raw bytes of an Ed25519 public key (the end of its X.509 encoding), base64url. */
    static String rawBase64Url(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Arrays.copyOfRange(encoded, encoded.length - RAW_PUBLIC_KEY_BYTES, encoded.length));
    }

    /**
     * The public half of an Ed25519 private key. The JDK has no call for it, but key generation
     * derives the pair from 32 random bytes, which are the private key: generating from a source
     * that returns exactly those bytes gives its public half. Checked by signing and verifying,
     * so a JDK that derives otherwise stops the start instead of issuing codes no gate accepts.
     */
    static PublicKey publicKeyOf(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
            throw new IllegalStateException("the ticket signing key must be an Ed25519 private key");
        }
        byte[] seed = ed.getBytes().get();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            PublicKey derived = generator.generateKeyPair().getPublic();
            byte[] probe = "ticket-key-probe".getBytes(StandardCharsets.US_ASCII);
            if (!verifies(derived, "", probe, sign(key, "", probe))) {
                throw new IllegalStateException("could not derive the public half of the ticket signing key");
            }
            return derived;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** Hands out the seed as "random" bytes: what {@link #publicKeyOf} derives the public key from. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("unexpected request for " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }

    private static PrivateKey privateKey(TicketsConfig.Signing signing) {
        String text = signing.privateKey()
                .filter(v -> !v.isBlank())
                .or(() -> signing.privateKeyLocation().filter(v -> !v.isBlank()).map(Ed25519TicketCodes::read))
                .orElseThrow(() -> new IllegalStateException("set tickets.signing.private-key-location (an Ed25519"
                        + " private key, PKCS#8 PEM) or tickets.signing.private-key; it signs ticket codes"));
        return parsePrivateKey(text);
    }

    private static String read(String location) {
        try {
            return Files.readString(Path.of(location), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("tickets.signing.private-key-location: cannot read " + location, e);
        }
    }

    private static Map<String, PublicKey> accepted(Map<String, String> configured) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        configured.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> keys.put(e.getKey(), parsePublicKey(e.getKey(), e.getValue())));
        return keys;
    }

    /** PKCS#8 PEM, or the base64 of the DER. */
    static PrivateKey parsePrivateKey(String text) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the ticket signing key is not an Ed25519 private key (PKCS#8 PEM, e.g. openssl genpkey"
                            + " -algorithm ed25519)",
                    e);
        }
    }

    /** X.509 SubjectPublicKeyInfo PEM, or the base64 of the DER. */
    static PublicKey parsePublicKey(String id, String text) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "tickets.signing.accepted-keys." + id + " is not an Ed25519 public key (PEM, e.g. openssl pkey"
                            + " -pubout)",
                    e);
        }
    }

    private static byte[] der(String text) {
        String base64 = text.lines()
                .map(String::strip)
                .filter(line -> !line.startsWith("-----"))
                .reduce("", String::concat);
        return Base64.getDecoder().decode(base64);
    }
}
