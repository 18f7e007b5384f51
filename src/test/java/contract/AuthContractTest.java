package contract;

import static io.restassured.RestAssured.given;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import support.Api;
import support.Tokens;

@QuarkusTest
class AuthContractTest {
    static final String[][] PROTECTED = {
        {"POST", "/api/v1/concerts/1/queue/tokens"},
        {"GET", "/api/v1/queue/token"},
        {"DELETE", "/api/v1/queue/token"},
        {"GET", "/api/v1/concerts/1/schedules"},
        {"GET", "/api/v1/schedules/1/seats"},
        {"POST", "/api/v1/reservations"},
        {"GET", "/api/v1/reservations/00000000-0000-0000-0000-000000000000"},
        {"DELETE", "/api/v1/reservations/00000000-0000-0000-0000-000000000000"},
        {"POST", "/api/v1/payments"},
        {"GET", "/api/v1/wallet"},
        {"POST", "/api/v1/wallet/charges"},
        {"GET", "/api/v1/wallet/transactions"},
        {"POST", "/api/v1/admin/concerts"},
        {"GET", "/api/v1/admin/concerts/1/queue"},
        {"PUT", "/api/v1/admin/concerts/1/queue"},
        {"POST", "/api/v1/admin/jobs/hold-expiry/run"},
    };

    static Stream<Arguments> badCredentials() {
        String sub = Tokens.newUserId();
        String[][] credentials = {
            {"missing", null},
            {"not a JWT", "Bearer not-a-jwt"},
            {"wrong scheme", "Basic dXNlcjpwYXNz"},
            {"expired", "Bearer " + Tokens.expired(sub)},
            {"signed by another key", "Bearer " + Tokens.signedByAnotherKey(sub)},
            {"another issuer", "Bearer " + Tokens.wrongIssuer(sub)},
            {"sub too long", "Bearer " + Tokens.withSubject("u".repeat(65))},
            {"sub with U+0000", "Bearer " + Tokens.withSubject("a\u0000b")},
            {"sub with a control character", "Bearer " + Tokens.withSubject("a\u0007b")},
            {
                "iat a day in the future (beyond the clock skew)",
                "Bearer " + Tokens.issuedAt(sub, java.time.Instant.now().plusSeconds(86_400))
            },
        };
        return Stream.of(PROTECTED)
                .flatMap(endpoint ->
                        Stream.of(credentials).map(c -> Arguments.of(endpoint[0], endpoint[1], c[0], c[1])));
    }

    @ParameterizedTest(name = "{0} {1} with {2} credentials is 401")
    @MethodSource("badCredentials")
    void protectedEndpointsRefuseBadCredentials(String method, String path, String what, String authorization) {
        RequestSpecification request = given().contentType("application/json").body("{}");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        assertProblem(request.request(method, path).then(), 401, "unauthorized").header("WWW-Authenticate", "Bearer");
    }

    static Stream<Arguments> adminEndpoints() {
        return Stream.of(PROTECTED).filter(e -> e[1].contains("/admin/")).map(e -> Arguments.of(e[0], e[1]));
    }

    @ParameterizedTest(name = "{0} {1} by a non-admin is 403")
    @MethodSource("adminEndpoints")
    void adminCallsNeedTheAdminGroup(String method, String path) {
        assertProblem(
                Api.asUser(Tokens.newUserId())
                        .contentType("application/json")
                        .body("{\"maxActive\":5}")
                        .request(method, path)
                        .then(),
                403,
                "forbidden");
    }

    @Test
    void theConcertListIsPublicEvenWithAJunkToken() {
        given().header("Authorization", "Bearer junk")
                .get("/api/v1/concerts")
                .then()
                .statusCode(200);
    }
}
