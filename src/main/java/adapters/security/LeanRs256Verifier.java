package adapters.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.smallrye.jwt.KeyFormat;
import io.smallrye.jwt.KeyProvider;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The first check of a bearer token without SmallRye's machinery (D63): the JDK's
 * {@code SHA256withRSA} over the token's first two parts and one streaming pass over the claims,
 * producing a {@link VerifiedJwt} directly. It makes every check SmallRye JWT (4.6, jose4j) makes
 * for the service's configuration:
 *
 * <ul>
 *   <li>the header's {@code alg} is exactly {@code RS256} (so {@code none} and {@code HS256} signed
 *       with the public key are refused), and the signature verifies with the configured key;
 *   <li>{@code exp} and {@code iat} are present; refused when now − skew ≥ {@code exp}, when
 *       now + skew &lt; {@code nbf}, when {@code exp} is before {@code iat} or {@code nbf}, when
 *       now − {@code iat} exceeds {@code mp.jwt.verify.token.age}, and when {@code exp} − {@code iat}
 *       exceeds SmallRye's maximum time to live; the skew is {@code mp.jwt.verify.clock.skew} (or
 *       SmallRye's expiry grace period when that is set);
 *   <li>{@code iss} equals {@code mp.jwt.verify.issuer}; {@code aud} (a string or an array) holds one
 *       of {@code mp.jwt.verify.audiences} when that is set;
 *   <li>the token names a principal ({@code sub}, {@code upn} or {@code preferred_username}).
 * </ul>
 *
 * <p>It takes only what it fully understands and hands everything else to SmallRye, which then
 * decides as before ({@link #verify} answers null): a header with any parameter other than
 * {@code alg}, {@code typ} and {@code kid} (e.g. {@code crit}, {@code cty}, {@code jku},
 * {@code b64}), a token that is not three base64url parts of ASCII, JSON that is not one object with
 * unique names, a registered claim of an unexpected type (a string {@code exp}, a fractional or huge
 * number, a {@code groups} that is not an array of strings, a non-string {@code sub}/{@code jti}, a
 * JSON null), or a {@code roleMappings} claim. So it never accepts a token SmallRye refuses; a token
 * it refuses (wrong algorithm, bad signature, a failed claim check) SmallRye refuses as well.
 *
 * <p>{@link #forContext} builds it only for a configuration it covers exactly: one PEM RSA public
 * key ({@code -----BEGIN PUBLIC KEY-----}, read by the caller from
 * {@code mp.jwt.verify.publickey(.location)}), algorithms exactly {RS256}, no decryption, no
 * required claims, no token key id, no claim paths other than {@code groups}, no default
 * groups/subject, no certificate thumbprint check. Otherwise (a JWKS URL, a JWK, a certificate, …)
 * every token goes to SmallRye.
 */
final class LeanRs256Verifier {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final ThreadLocal<Signature> RSA = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final long MAX_SECONDS = 1L << 40;
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";

    private final PublicKey key;
    private final String issuer;
    private final Set<String> audiences;
    private final long skewSeconds;
    private final Long tokenAgeSeconds;
    private final Long maxTimeToLiveSeconds;
    private final boolean requireNamedPrincipal;
    private final Clock clock;
    private final GroupSets groupSets;
    private final GroupSets audienceSets;

    private LeanRs256Verifier(PublicKey key, JWTAuthContextInfo context, Clock clock, GroupSets groupSets) {
        this.key = key;
        this.issuer = context.getIssuedBy();
        this.audiences = context.getExpectedAudience() == null ? null : Set.copyOf(context.getExpectedAudience());
        this.skewSeconds = context.getExpGracePeriodSecs() > 0
                ? context.getExpGracePeriodSecs()
                : Math.max(0, context.getClockSkew());
        this.tokenAgeSeconds = context.getTokenAge();
        this.maxTimeToLiveSeconds = context.getMaxTimeToLiveSecs();
        this.requireNamedPrincipal = context.isRequireNamedPrincipal();
        this.clock = clock;
        this.groupSets = groupSets;
        this.audienceSets = new GroupSets();
    }

    /**
     * The lean verifier for {@code context} with the key {@code keyContent}, or null when the
     * configuration uses anything it does not implement (then SmallRye verifies every token).
     *
     * @param clock checks exp, nbf and the token age (SmallRye: the system clock)
     */
    static LeanRs256Verifier forContext(
            JWTAuthContextInfo context, String keyContent, Clock clock, GroupSets groupSets) {
        if (keyContent == null
                || !Set.of(SignatureAlgorithm.RS256).equals(context.getSignatureAlgorithm())
                || context.getPublicVerificationKey() != null
                || context.getSecretVerificationKey() != null
                || context.getSecretKeyContent() != null
                || context.getPrivateDecryptionKey() != null
                || context.getSecretDecryptionKey() != null
                || context.getDecryptionKeyLocation() != null
                || context.getDecryptionKeyContent() != null
                || context.getTokenKeyId() != null
                || context.getDefaultGroupsClaim() != null
                || context.getDefaultSubjectClaim() != null
                || context.getSubjectPath() != null
                || (context.getGroupsPath() != null && !"groups".equals(context.getGroupsPath()))
                || (context.getRequiredClaims() != null
                        && !context.getRequiredClaims().isEmpty())
                || (context.getMaxTimeToLiveSecs() != null && context.getMaxTimeToLiveSecs() <= 0)
                || context.isVerifyCertificateThumbprint()
                || context.getKeyProvider() != KeyProvider.DEFAULT
                || (context.getKeyFormat() != KeyFormat.ANY && context.getKeyFormat() != KeyFormat.PEM_KEY)) {
            return null;
        }
        PublicKey key = pemRsaKey(keyContent);
        return key == null ? null : new LeanRs256Verifier(key, context, clock, groupSets);
    }

    /** An RSA public key from PEM text with exactly one {@code PUBLIC KEY} block, or null. */
    static PublicKey pemRsaKey(String content) {
        String text = content.strip();
        if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END) || text.indexOf(PEM_BEGIN, 1) >= 0) {
            return null;
        }
        String body = text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length())
                .replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
            return key instanceof RSAPublicKey ? key : null;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The verified token; null when this token is not of the shape this class handles (SmallRye
     * must decide).
     *
     * @throws ParseException when the token is refused
     */
    VerifiedJwt verify(String token) throws ParseException {
        int length = token.length();
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot1 <= 0 || dot2 < 0 || dot2 == dot1 + 1 || token.indexOf('.', dot2 + 1) >= 0) {
            return null;
        }
        byte[] ascii = new byte[length];
        for (int i = 0; i < length; i++) {
            char c = token.charAt(i);
            if (c > 0x7e || c < 0x21) {
                return null;
            }
            ascii[i] = (byte) c;
        }
        byte[] header = decode(ascii, 0, dot1);
        byte[] payload = header == null ? null : decode(ascii, dot1 + 1, dot2);
        byte[] signature = payload == null ? null : decode(ascii, dot2 + 1, length);
        if (signature == null) {
            return null;
        }
        Boolean rs256 = headerIsRs256(header);
        if (rs256 == null) {
            return null;
        }
        if (!rs256) {
            throw new ParseException("the token's algorithm is not RS256");
        }
        Claims claims = Claims.read(payload);
        if (claims == null) {
            return null;
        }
        if (!signatureVerifies(ascii, dot2, signature)) {
            throw new ParseException("the token's signature does not verify with the configured key");
        }
        return accept(token, claims);
    }

    private boolean signatureVerifies(byte[] ascii, int signedLength, byte[] signature) {
        Signature rsa = RSA.get();
        try {
            rsa.initVerify(key);
            rsa.update(ascii, 0, signedLength);
            return rsa.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private VerifiedJwt accept(String token, Claims c) throws ParseException {
        if (c.exp == null) {
            throw new ParseException("the token has no exp");
        }
        if (c.iat == null) {
            throw new ParseException("the token has no iat");
        }
        long now = clock.millis() / 1000;
        if (now - skewSeconds >= c.exp) {
            throw new ParseException("the token has expired");
        }
        if (c.exp < c.iat || (c.nbf != null && c.exp < c.nbf)) {
            throw new ParseException("the token's exp is before its iat or nbf");
        }
        if (c.nbf != null && now + skewSeconds < c.nbf) {
            throw new ParseException("the token is not valid yet (nbf)");
        }
        if (maxTimeToLiveSeconds != null && c.exp - c.iat > maxTimeToLiveSeconds) {
            throw new ParseException("the token lives longer than allowed");
        }
        if (tokenAgeSeconds != null && now - c.iat > tokenAgeSeconds) {
            throw new ParseException("the token is older than mp.jwt.verify.token.age");
        }
        if (issuer != null && !issuer.equals(c.iss)) {
            throw new ParseException("the token's iss is not the expected issuer");
        }
        if (audiences != null && (c.aud == null || c.aud.stream().noneMatch(audiences::contains))) {
            throw new ParseException("the token's aud names none of the accepted audiences");
        }
        String name = c.upn != null ? c.upn : c.preferredUsername != null ? c.preferredUsername : c.sub;
        if (requireNamedPrincipal && name == null) {
            throw new ParseException("the token names no principal (sub, upn or preferred_username)");
        }
        return new VerifiedJwt(
                token,
                c.sub,
                name,
                c.groups == null ? Set.of() : groupSets.canonical(c.groups),
                issuer != null ? issuer : c.iss,
                c.aud == null ? null : audienceSets.canonical(c.aud),
                c.exp,
                c.iat);
    }

    private static byte[] decode(byte[] ascii, int from, int to) {
        try {
            ByteBuffer decoded = BASE64URL.decode(ByteBuffer.wrap(ascii, from, to - from));
            byte[] out = new byte[decoded.remaining()];
            decoded.get(out);
            return out;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True: alg RS256; false: another alg; null: not a header this class reads (SmallRye decides). */
    private static Boolean headerIsRs256(byte[] header) {
        String alg = null;
        try (JsonParser p = JSON.createParser(header)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    return null;
                }
                switch (field) {
                    case "alg" -> alg = p.getText();
                    case "typ", "kid" -> {}
                    default -> {
                        return null;
                    }
                }
            }
            if (p.nextToken() != null) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (alg == null) {
            return null;
        }
        return "RS256".equals(alg);
    }

    /** The claims the checks and {@link VerifiedJwt} need; null for a payload SmallRye must judge. */
    private static final class Claims {
        String iss;
        String sub;
        String upn;
        String preferredUsername;
        Set<String> aud;
        Set<String> groups;
        Long exp;
        Long iat;
        Long nbf;

        static Claims read(byte[] payload) {
            Claims c = new Claims();
            try (JsonParser p = JSON.createParser(payload)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    boolean ok = switch (field) {
                        case "iss" -> (c.iss = string(p, value)) != null;
                        case "sub" -> (c.sub = string(p, value)) != null;
                        case "upn" -> (c.upn = string(p, value)) != null;
                        case "preferred_username" -> (c.preferredUsername = string(p, value)) != null;
                        case "jti" -> string(p, value) != null;
                        case "exp" -> (c.exp = seconds(p, value)) != null;
                        case "iat" -> (c.iat = seconds(p, value)) != null;
                        case "nbf" -> (c.nbf = seconds(p, value)) != null;
                        case "aud" ->
                            (c.aud = value == JsonToken.VALUE_STRING ? Set.of(p.getText()) : strings(p, value)) != null;
                        case "groups" -> (c.groups = strings(p, value)) != null;
                        case "roleMappings", "raw_token" -> false;
                        default -> {
                            p.skipChildren();
                            yield true;
                        }
                    };
                    if (!ok) {
                        return null;
                    }
                }
                return p.nextToken() == null ? c : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static String string(JsonParser p, JsonToken value) throws IOException {
            return value == JsonToken.VALUE_STRING ? p.getText() : null;
        }

        private static Long seconds(JsonParser p, JsonToken value) throws IOException {
            if (value != JsonToken.VALUE_NUMBER_INT) {
                return null;
            }
            JsonParser.NumberType type = p.getNumberType();
            if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
                return null;
            }
            long seconds = p.getLongValue();
            // negative or beyond year 33658: SmallRye decides (and no arithmetic below can overflow)
            return seconds >= 0 && seconds < MAX_SECONDS ? seconds : null;
        }

        private static Set<String> strings(JsonParser p, JsonToken value) throws IOException {
            if (value != JsonToken.START_ARRAY) {
                return null;
            }
            List<String> values = new ArrayList<>(2);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t != JsonToken.VALUE_STRING) {
                    return null;
                }
                values.add(p.getText());
            }
            return new LinkedHashSet<>(values);
        }
    }
}
