package adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import support.Tokens;

/**
 * The lean RS256 path against SmallRye itself (D63): for each crafted token the lean verdict is
 * either SmallRye's (accepted with the same subject, name, groups, issuer, exp and iat; or refused)
 * or "hand on", and then {@link KeyedJwtVerifier} answers exactly what SmallRye answers. Each case
 * also says which of the three the lean path must give, so it is known to handle the service's own
 * tokens rather than handing everything on. Clock boundaries are tested with a hand clock.
 */
class LeanRs256VerifierTest {
    private static final KeyPair KEY = Tokens.newKeyPair();
    private static final KeyPair FOREIGN = Tokens.newKeyPair();
    private static final String RS256 = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    private static final long NOW = Instant.now().getEpochSecond();

    enum Lean {
        ACCEPTS,
        REFUSES,
        HANDS_ON
    }

    private static JWTAuthContextInfo context(String audience) {
        JWTAuthContextInfo c = new JWTAuthContextInfo();
        c.setPublicKeyContent(Tokens.publicPem(KEY));
        c.setIssuedBy(Tokens.ISSUER);
        c.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        c.setTokenAge(3600L);
        c.setClockSkew(60);
        c.setGroupsPath("groups");
        if (audience != null) {
            c.setExpectedAudience(Set.of(audience));
        }
        return c;
    }

    static String b64(String s) {
        return b64(s.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String rs256(PrivateKey key, String header, String claims) {
        try {
            String input = b64(header) + "." + b64(claims);
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String signed(String claims) {
        return rs256(KEY.getPrivate(), RS256, claims);
    }

    /** Claims of a valid fan token with {@code extra} members appended. */
    static String claims(String extra) {
        return "{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"fan-1\",\"groups\":[\"user\"],\"iat\":" + NOW + ",\"exp\":"
                + (NOW + 3600) + extra + "}";
    }

    static String hs256WithThePublicKey(String claims) throws Exception {
        String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Tokens.publicPem(KEY).getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static Stream<Arguments> tokens() throws Exception {
        String valid = signed(claims(""));
        String[] parts = valid.split("\\.");
        return Stream.of(
                Arguments.of("a fan token", valid, Lean.ACCEPTS, null),
                Arguments.of(
                        "smallrye's own builder", Tokens.signedWith(KEY.getPrivate(), "fan-2"), Lean.ACCEPTS, null),
                Arguments.of(
                        "groups missing (no roles)",
                        signed(claims("").replace("\"groups\":[\"user\"],", "")),
                        Lean.ACCEPTS,
                        null),
                Arguments.of(
                        "two groups",
                        signed(claims("").replace("[\"user\"]", "[\"user\",\"admin\"]")),
                        Lean.ACCEPTS,
                        null),
                Arguments.of(
                        "a kid in the header (one PEM key: not matched)",
                        rs256(KEY.getPrivate(), "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", claims("")),
                        Lean.ACCEPTS,
                        null),
                Arguments.of("no typ", rs256(KEY.getPrivate(), "{\"alg\":\"RS256\"}", claims("")), Lean.ACCEPTS, null),
                Arguments.of(
                        "another typ",
                        rs256(KEY.getPrivate(), "{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}", claims("")),
                        Lean.ACCEPTS,
                        null),
                Arguments.of("upn names the principal", signed(claims(",\"upn\":\"fan@example\"")), Lean.ACCEPTS, null),
                Arguments.of("nbf within the skew", signed(claims(",\"nbf\":" + (NOW + 30))), Lean.ACCEPTS, null),
                Arguments.of(
                        "expired within the skew",
                        signed(claims("")
                                .replace("\"iat\":" + NOW, "\"iat\":" + (NOW - 100))
                                .replace("\"exp\":" + (NOW + 3600), "\"exp\":" + (NOW - 30))),
                        Lean.ACCEPTS,
                        null),
                Arguments.of(
                        "other claims are skipped",
                        signed(claims(",\"jti\":\"x\",\"scope\":\"a b\",\"nested\":{\"a\":[1,{\"b\":null}]}")),
                        Lean.ACCEPTS,
                        null),
                Arguments.of(
                        "aud one of ours (array)",
                        signed(claims(",\"aud\":[\"other\",\"booking-api\"]")),
                        Lean.ACCEPTS,
                        "booking-api"),
                Arguments.of(
                        "aud ours (string)", signed(claims(",\"aud\":\"booking-api\"")), Lean.ACCEPTS, "booking-api"),
                // refused by both
                Arguments.of("alg none", b64("{\"alg\":\"none\"}") + "." + parts[1] + ".", Lean.REFUSES, null),
                Arguments.of(
                        "alg none with the signature kept",
                        b64("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2],
                        Lean.REFUSES,
                        null),
                Arguments.of("HS256 keyed with the public key", hs256WithThePublicKey(claims("")), Lean.REFUSES, null),
                Arguments.of("RS512", rs256(KEY.getPrivate(), "{\"alg\":\"RS512\"}", claims("")), Lean.REFUSES, null),
                Arguments.of(
                        "tampered payload",
                        parts[0] + "." + b64(claims("").replace("fan-1", "fan-9")) + "." + parts[2],
                        Lean.REFUSES,
                        null),
                Arguments.of(
                        "tampered header",
                        b64("{\"alg\":\"RS256\",\"typ\":\"JWS\"}") + "." + parts[1] + "." + parts[2],
                        Lean.REFUSES,
                        null),
                Arguments.of(
                        "signature of another token",
                        parts[0] + "." + parts[1] + "."
                                + signed(claims(",\"x\":1")).split("\\.")[2],
                        Lean.REFUSES,
                        null),
                Arguments.of("truncated signature", valid.substring(0, valid.length() - 4), Lean.REFUSES, null),
                Arguments.of("foreign key", rs256(FOREIGN.getPrivate(), RS256, claims("")), Lean.REFUSES, null),
                Arguments.of(
                        "expired beyond the skew",
                        signed(claims("")
                                .replace("\"iat\":" + NOW, "\"iat\":" + (NOW - 100))
                                .replace("\"exp\":" + (NOW + 3600), "\"exp\":" + (NOW - 90))),
                        Lean.REFUSES,
                        null),
                Arguments.of(
                        "exp missing", signed(claims("").replace(",\"exp\":" + (NOW + 3600), "")), Lean.REFUSES, null),
                Arguments.of("iat missing", signed(claims("").replace(",\"iat\":" + NOW, "")), Lean.REFUSES, null),
                Arguments.of(
                        "older than the token age",
                        signed(claims("").replace("\"iat\":" + NOW, "\"iat\":" + (NOW - 3700))),
                        Lean.REFUSES,
                        null),
                Arguments.of(
                        "exp before iat",
                        signed(claims("").replace("\"iat\":" + NOW, "\"iat\":" + (NOW + 4000))),
                        Lean.REFUSES,
                        null),
                Arguments.of("nbf beyond the skew", signed(claims(",\"nbf\":" + (NOW + 120))), Lean.REFUSES, null),
                Arguments.of("exp before nbf", signed(claims(",\"nbf\":" + (NOW + 3700))), Lean.REFUSES, null),
                Arguments.of(
                        "another issuer",
                        signed(claims("").replace(Tokens.ISSUER, "someone-else")),
                        Lean.REFUSES,
                        null),
                Arguments.of(
                        "no issuer",
                        signed(claims("").replace("\"iss\":\"" + Tokens.ISSUER + "\",", "")),
                        Lean.REFUSES,
                        null),
                Arguments.of(
                        "aud of another API", signed(claims(",\"aud\":\"other-api\"")), Lean.REFUSES, "booking-api"),
                Arguments.of("aud missing where required", signed(claims("")), Lean.REFUSES, "booking-api"),
                Arguments.of(
                        "no principal at all",
                        signed(claims("").replace("\"sub\":\"fan-1\",", "")),
                        Lean.REFUSES,
                        null),
                // handed to SmallRye, which decides
                Arguments.of(
                        "groups as one string",
                        signed(claims("").replace("[\"user\"]", "\"user admin\"")),
                        Lean.HANDS_ON,
                        null),
                Arguments.of(
                        "groups with a number",
                        signed(claims("").replace("[\"user\"]", "[\"user\",1]")),
                        Lean.HANDS_ON,
                        null),
                Arguments.of(
                        "exp as a string",
                        signed(claims("").replace("\"exp\":" + (NOW + 3600), "\"exp\":\"" + (NOW + 3600) + "\"")),
                        Lean.HANDS_ON,
                        null),
                Arguments.of(
                        "exp fractional",
                        signed(claims("").replace("\"exp\":" + (NOW + 3600), "\"exp\":" + (NOW + 3600) + ".5")),
                        Lean.HANDS_ON,
                        null),
                Arguments.of(
                        "exp huge",
                        signed(claims("").replace("\"exp\":" + (NOW + 3600), "\"exp\":99999999999999999999")),
                        Lean.HANDS_ON,
                        null),
                Arguments.of(
                        "iat negative",
                        signed(claims("").replace("\"iat\":" + NOW, "\"iat\":-1")),
                        Lean.HANDS_ON,
                        null),
                Arguments.of("sub a number", signed(claims("").replace("\"fan-1\"", "42")), Lean.HANDS_ON, null),
                Arguments.of("sub null", signed(claims("").replace("\"fan-1\"", "null")), Lean.HANDS_ON, null),
                Arguments.of("jti a number", signed(claims(",\"jti\":7")), Lean.HANDS_ON, null),
                Arguments.of("sub twice", signed(claims(",\"sub\":\"fan-2\"")), Lean.HANDS_ON, null),
                Arguments.of(
                        "roleMappings", signed(claims(",\"roleMappings\":{\"user\":\"admin\"}")), Lean.HANDS_ON, null),
                Arguments.of(
                        "crit header",
                        rs256(KEY.getPrivate(), "{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1}", claims("")),
                        Lean.HANDS_ON,
                        null),
                Arguments.of(
                        "cty header",
                        rs256(KEY.getPrivate(), "{\"alg\":\"RS256\",\"cty\":\"JWT\"}", claims("")),
                        Lean.HANDS_ON,
                        null),
                Arguments.of(
                        "jwk header",
                        rs256(KEY.getPrivate(), "{\"alg\":\"RS256\",\"jwk\":{\"kty\":\"RSA\"}}", claims("")),
                        Lean.HANDS_ON,
                        null),
                Arguments.of(
                        "header without alg",
                        rs256(KEY.getPrivate(), "{\"typ\":\"JWT\"}", claims("")),
                        Lean.HANDS_ON,
                        null),
                Arguments.of("payload not an object", signed("[1,2]"), Lean.HANDS_ON, null),
                Arguments.of("payload with trailing bytes", signed(claims("") + "x"), Lean.HANDS_ON, null),
                Arguments.of("malformed base64 in the header", "e$J." + parts[1] + "." + parts[2], Lean.HANDS_ON, null),
                Arguments.of("malformed base64 in the payload", parts[0] + ".eyJ*." + parts[2], Lean.HANDS_ON, null),
                Arguments.of(
                        "malformed base64 in the signature", parts[0] + "." + parts[1] + ".ab!d", Lean.HANDS_ON, null),
                Arguments.of("two parts", parts[0] + "." + parts[1], Lean.HANDS_ON, null),
                Arguments.of("four parts", valid + ".x", Lean.HANDS_ON, null),
                Arguments.of("empty payload part", parts[0] + ".." + parts[2], Lean.HANDS_ON, null),
                Arguments.of("not a JWT", "not-a-jwt", Lean.HANDS_ON, null),
                Arguments.of("non-ASCII", valid + "é", Lean.HANDS_ON, null),
                Arguments.of("five parts (JWE)", "a.b.c.d.e", Lean.HANDS_ON, null));
    }

    @ParameterizedTest(name = "{0}: lean {2}, and SmallRye agrees")
    @MethodSource("tokens")
    void theLeanVerdictIsSmallRyesOrHandsOn(String what, String token, Lean expected, String audience)
            throws Exception {
        JWTAuthContextInfo context = context(audience);
        JWTParser smallrye = new DefaultJWTParser(context, new DefaultJWTCallerPrincipalFactory());
        LeanRs256Verifier lean = LeanRs256Verifier.forContext(
                context, context.getPublicKeyContent(), Clock.systemUTC(), new GroupSets());
        assertNotNull(lean, "the configuration is one the lean path covers");

        JsonWebToken bySmallRye = null;
        try {
            bySmallRye = smallrye.parse(token);
        } catch (ParseException refused) {
            // refused by SmallRye
        }
        Lean actual;
        VerifiedJwt byLean = null;
        try {
            byLean = lean.verify(token);
            actual = byLean == null ? Lean.HANDS_ON : Lean.ACCEPTS;
        } catch (ParseException e) {
            actual = Lean.REFUSES;
        }
        assertEquals(expected, actual, what);

        KeyedJwtVerifier keyed = new KeyedJwtVerifier(
                smallrye,
                context,
                Optional.empty(),
                10,
                Duration.ZERO,
                Duration.ZERO,
                Clock.systemUTC(),
                true,
                Clock.systemUTC());
        JsonWebToken byVerifier = null;
        try {
            byVerifier = keyed.parse(token);
        } catch (ParseException refused) {
            // refused
        }
        if (bySmallRye == null) {
            assertNull(byVerifier, "SmallRye refuses it, so must the verifier: " + what);
            assertTrue(actual != Lean.ACCEPTS, what);
        } else {
            assertNotNull(byVerifier, "SmallRye accepts it, so does the verifier: " + what);
            sameFacts(bySmallRye, byVerifier);
            if (byLean != null) {
                sameFacts(bySmallRye, byLean);
            }
        }
        assertEquals(actual == Lean.HANDS_ON ? 1 : 0, keyed.handedToSmallRye());
    }

    private static void sameFacts(JsonWebToken expected, JsonWebToken actual) {
        assertEquals(expected.getSubject(), actual.getSubject(), "sub");
        assertEquals(expected.getName(), actual.getName(), "name");
        assertEquals(expected.getGroups(), actual.getGroups(), "groups");
        assertEquals(expected.getIssuer(), actual.getIssuer(), "iss");
        assertEquals(expected.getAudience(), actual.getAudience(), "aud");
        assertEquals(expected.getExpirationTime(), actual.getExpirationTime(), "exp");
        assertEquals(expected.getIssuedAtTime(), actual.getIssuedAtTime(), "iat");
        assertEquals(expected.getRawToken(), actual.getRawToken(), "raw token");
    }

    // clock boundaries (jose4j: refused when now - skew >= exp, or now + skew < nbf; SmallRye: now - iat > age)

    private final VerifiedTokenCacheTest.HandClock clock = new VerifiedTokenCacheTest.HandClock();

    private LeanRs256Verifier onTheHandClock() {
        JWTAuthContextInfo c = context(null);
        return LeanRs256Verifier.forContext(c, c.getPublicKeyContent(), clock, new GroupSets());
    }

    private String issued(long iat, long exp, String extra) {
        return signed("{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"fan-1\",\"iat\":" + iat + ",\"exp\":" + exp + extra
                + "}");
    }

    @Test
    void expIsHonouredUpToTheSkewAndNotASecondLonger() throws Exception {
        long t = 1_800_000_000L;
        String token = issued(t - 10, t, "");
        LeanRs256Verifier lean = onTheHandClock();
        clock.now = Instant.ofEpochSecond(t + 59, 999_000_000);
        assertEquals("fan-1", lean.verify(token).getSubject());
        clock.now = Instant.ofEpochSecond(t + 60);
        assertThrows(ParseException.class, () -> lean.verify(token));
    }

    @Test
    void nbfIsHonouredFromTheSkewBeforeIt() throws Exception {
        long t = 1_800_000_000L;
        String token = issued(t, t + 3600, ",\"nbf\":" + (t + 100));
        LeanRs256Verifier lean = onTheHandClock();
        clock.now = Instant.ofEpochSecond(t + 39);
        assertThrows(ParseException.class, () -> lean.verify(token));
        clock.now = Instant.ofEpochSecond(t + 40);
        assertEquals("fan-1", lean.verify(token).getSubject());
    }

    @Test
    void theTokenAgeEndsExactlyAtItsLimitWithoutSkew() throws Exception {
        long t = 1_800_000_000L;
        String token = issued(t, t + 7200, "");
        LeanRs256Verifier lean = onTheHandClock();
        clock.now = Instant.ofEpochSecond(t + 3600);
        assertEquals("fan-1", lean.verify(token).getSubject());
        clock.now = Instant.ofEpochSecond(t + 3601);
        assertThrows(ParseException.class, () -> lean.verify(token));
    }

    @Test
    void aFutureIatBeyondTheSkewIsStillRefusedByTheVerifier() throws Exception {
        JWTAuthContextInfo c = context(null);
        KeyedJwtVerifier keyed = new KeyedJwtVerifier(
                new DefaultJWTParser(c, new DefaultJWTCallerPrincipalFactory()),
                c,
                Optional.empty(),
                10,
                Duration.ZERO,
                Duration.ZERO,
                Clock.systemUTC());
        long now = Instant.now().getEpochSecond();
        assertThrows(ParseException.class, () -> keyed.parse(issued(now + 3600, now + 7200, "")));
        assertEquals("fan-1", keyed.parse(issued(now + 30, now + 3600, "")).getSubject());
        assertEquals(0, keyed.handedToSmallRye(), "both decided by the lean path");
    }

    @Test
    void groupSetsAreSharedBetweenTokens() throws Exception {
        LeanRs256Verifier lean =
                LeanRs256Verifier.forContext(context(null), Tokens.publicPem(KEY), Clock.systemUTC(), new GroupSets());
        VerifiedJwt a = lean.verify(signed(claims("")));
        VerifiedJwt b = lean.verify(signed(claims("").replace("fan-1", "fan-2")));
        assertSame(a.getGroups(), b.getGroups());
        assertEquals(Set.of("user"), a.getGroups());
        assertThrows(UnsupportedOperationException.class, () -> a.getGroups().add("admin"));
    }

    @Test
    void aBoundedNumberOfGroupSetsIsRemembered() {
        GroupSets sets = new GroupSets();
        for (int i = 0; i < GroupSets.MAX_KNOWN * 2; i++) {
            assertEquals(Set.of("g" + i), sets.canonical(Set.of("g" + i)));
        }
        assertEquals(GroupSets.MAX_KNOWN, sets.size());
    }

    @Test
    void onlyAConfigurationItCoversExactlyGetsTheLeanPath() {
        String pem = Tokens.publicPem(KEY);
        assertNotNull(LeanRs256Verifier.forContext(context(null), pem, Clock.systemUTC(), new GroupSets()));
        assertNull(LeanRs256Verifier.forContext(context(null), null, Clock.systemUTC(), new GroupSets()), "JWKS URL");
        assertNull(
                LeanRs256Verifier.forContext(context(null), "{\"kty\":\"RSA\"}", Clock.systemUTC(), new GroupSets()),
                "a JWK");
        assertNull(
                LeanRs256Verifier.forContext(context(null), pem + pem, Clock.systemUTC(), new GroupSets()), "two keys");
        JWTAuthContextInfo two = context(null);
        two.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256));
        assertNull(LeanRs256Verifier.forContext(two, pem, Clock.systemUTC(), new GroupSets()), "more algorithms");
        JWTAuthContextInfo kid = context(null);
        kid.setTokenKeyId("k1");
        assertNull(LeanRs256Verifier.forContext(kid, pem, Clock.systemUTC(), new GroupSets()), "a required kid");
        JWTAuthContextInfo required = context(null);
        required.setRequiredClaims(Set.of("jti"));
        assertNull(LeanRs256Verifier.forContext(required, pem, Clock.systemUTC(), new GroupSets()), "required claims");
        JWTAuthContextInfo path = context(null);
        path.setGroupsPath("realm/roles");
        assertNull(LeanRs256Verifier.forContext(path, pem, Clock.systemUTC(), new GroupSets()), "a groups path");
    }

    @Test
    void switchedOffEveryTokenGoesToSmallRyeAndComesBackAsAVerifiedJwt() throws Exception {
        JWTAuthContextInfo c = context(null);
        KeyedJwtVerifier keyed = new KeyedJwtVerifier(
                new DefaultJWTParser(c, new DefaultJWTCallerPrincipalFactory()),
                c,
                Optional.empty(),
                10,
                Duration.ZERO,
                Duration.ZERO,
                Clock.systemUTC(),
                false,
                Clock.systemUTC());
        assertTrue(!keyed.lean());
        JsonWebToken token = keyed.parse(signed(claims("")));
        if (!(token instanceof VerifiedJwt)) {
            fail("the cache keeps a VerifiedJwt: " + token.getClass());
        }
        assertEquals(Set.of("user"), token.getGroups());
        assertEquals(1, keyed.handedToSmallRye());
    }
}
