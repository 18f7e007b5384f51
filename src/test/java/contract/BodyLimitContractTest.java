package contract;

import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Tokens;

/** quarkus.http.limits.max-body-size = 64 KiB: larger bodies are refused before anything runs. */
@QuarkusTest
class BodyLimitContractTest {
    static String bodyOf(int bytes) {
        StringBuilder body = new StringBuilder("{\"amount\":100,\"padding\":\"");
        while (body.length() < bytes - 2) {
            body.append('x');
        }
        return body.append("\"}").toString();
    }

    @Test
    void aBodyOver64KiBIs413AndChangesNothing() {
        String user = Tokens.newUserId();

        assertProblem(
                Api.asUser(user)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType("application/json")
                        .body(bodyOf(64 * 1024 + 1))
                        .post("/api/v1/wallet/charges")
                        .then(),
                413,
                "body-too-large");

        Api.asUser(user).get("/api/v1/wallet").then().statusCode(200).body("balance", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aBodyOfJust64KiBIsRead() {
        Api.asUser(Tokens.newUserId())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json")
                .body(bodyOf(64 * 1024))
                .post("/api/v1/wallet/charges")
                .then()
                .statusCode(201);
    }
}
