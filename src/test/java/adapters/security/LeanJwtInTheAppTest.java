package adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Tokens;

/**
 * The lean RS256 path (D63) in the running application: the configuration Quarkus builds for the
 * test profile (a PEM key file, RS256) is one it covers, the parser hands out {@link VerifiedJwt}s,
 * and tokens crafted against it are refused over HTTP.
 */
@QuarkusTest
class LeanJwtInTheAppTest {
    @Inject
    JWTAuthContextInfo context;

    @Inject
    JWTParser parser;

    private static PrivateKey runKey() throws Exception {
        Tokens.user("init"); // the run's key pair is published once Tokens is initialised
        byte[] der = Base64.getDecoder().decode(System.getProperty("concert-booking.test.jwt-private-key"));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static String claims(String sub, String groups) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"" + sub + "\"" + groups + ",\"iat\":" + now + ",\"exp\":"
                + (now + 3600) + "}";
    }

    @Test
    void theApplicationsConfigurationGetsTheLeanPath() throws Exception {
        assertNotNull(
                LeanRs256Verifier.forContext(
                        context, context.getPublicKeyContent(), Clock.systemUTC(), new GroupSets()),
                "the test profile's key and settings are covered by the lean path");
        String sub = Tokens.newUserId();
        JsonWebToken token = parser.parse(Tokens.user(sub));
        VerifiedJwt verified = assertInstanceOf(VerifiedJwt.class, token);
        assertEquals(sub, verified.getSubject());
        assertEquals(Set.of("user"), verified.getGroups());
    }

    @Test
    void aTokenWithoutGroupsAuthenticatesButHasNoRole() throws Exception {
        String sub = Tokens.newUserId();
        String token = LeanRs256VerifierTest.rs256(
                runKey(), "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"any\"}", claims(sub, ""));
        Api.as(token).get("/api/v1/wallet").then().statusCode(200);
        assertProblem(Api.as(token).get("/api/v1/admin/concerts/1/queue").then(), 403, "forbidden");
        String admin = LeanRs256VerifierTest.rs256(
                runKey(), "{\"alg\":\"RS256\"}", claims(Tokens.newUserId(), ",\"groups\":[\"user\",\"admin\"]"));
        Api.as(admin).get("/api/v1/admin/concerts/1/queue").then().statusCode(org.hamcrest.Matchers.not(403));
    }

    @Test
    void algNoneAndHs256KeyedWithThePublicKeyAre401() throws Exception {
        String payload = LeanRs256VerifierTest.b64(claims(Tokens.newUserId(), ",\"groups\":[\"user\"]"));
        String none = LeanRs256VerifierTest.b64("{\"alg\":\"none\"}") + "." + payload + ".";
        assertProblem(Api.as(none).get("/api/v1/wallet").then(), 401, "unauthorized");

        String input = LeanRs256VerifierTest.b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + payload;
        for (String secret : new String[] {
            context.getPublicKeyContent(), context.getPublicKeyContent().strip()
        }) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            String hs256 =
                    input + "." + LeanRs256VerifierTest.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
            assertProblem(Api.as(hs256).get("/api/v1/wallet").then(), 401, "unauthorized");
        }
    }
}
