package contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Tokens;

/** Verified bearer tokens are remembered (adapters.security.CachingJwtParser), never beyond their exp. */
@QuarkusTest
class JwtCacheTest {
    @Inject
    JWTParser parser;

    @Test
    void aValidTokenIsAcceptedTwiceAndVerifiedOnce() throws Exception {
        String token = Tokens.user(Tokens.newUserId());

        Api.as(token).get("/api/v1/wallet").then().statusCode(200);
        Api.as(token).get("/api/v1/wallet").then().statusCode(200);

        JsonWebToken first = parser.parse(token);
        assertSame(first, parser.parse(token), "the second parse is served from the cache");
        assertNotSame(first, parser.parse(Tokens.user(Tokens.newUserId())));
    }

    @Test
    void aTokenThatWasAcceptedFromTheCacheIsRefusedOnceItExpires() throws Exception {
        Instant exp = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 3);
        String token = Tokens.expiringAt(Tokens.newUserId(), exp);

        Api.as(token).get("/api/v1/wallet").then().statusCode(200);
        Api.as(token).get("/api/v1/wallet").then().statusCode(200); // a cache hit

        // keep asking: accepted until exp, then (past the test profile's 1 s of clock skew) refused,
        // i.e. the cache must not answer for SmallRye once the token has expired
        long deadline = exp.toEpochMilli() + 10_000;
        int status;
        do {
            status = Api.as(token).get("/api/v1/wallet").statusCode();
            if (status == 200) {
                LockSupport.parkNanos(100_000_000); // between polls, not a wait for a result
            }
        } while (status == 200 && System.currentTimeMillis() < deadline);
        long refusedAt = System.currentTimeMillis();

        assertProblem(Api.as(token).get("/api/v1/wallet").then(), 401, "unauthorized");
        assertTrue(refusedAt >= exp.toEpochMilli(), "refused only once expired");
    }

    @Test
    void aTamperedCopyOfACachedTokenIsRefused() {
        String user = Tokens.newUserId();
        String token = Tokens.user(user);
        Api.as(token).get("/api/v1/wallet").then().statusCode(200);

        String[] parts = token.split("\\.");
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(user, "someone-else");
        String tampered =
                parts[0] + "." + enc.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertProblem(Api.as(tampered).get("/api/v1/wallet").then(), 401, "unauthorized");
        assertProblem(Api.as(tampered).get("/api/v1/wallet").then(), 401, "unauthorized");
        assertProblem(
                given().header("Authorization", "Bearer " + token + "x")
                        .get("/api/v1/wallet")
                        .then(),
                401,
                "unauthorized");
        Api.as(token).get("/api/v1/wallet").then().statusCode(200);
    }
}
