package contract;

import static org.hamcrest.Matchers.equalTo;
import static support.Api.as;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Tokens;

@QuarkusTest
class AdminContractTest {

    @Test
    void anOperatorReadsAndChangesTheActiveCap() {
        long concert = Api.createConcert(1, 5, 1000).id();
        as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert + "/queue")
                .then()
                .statusCode(200)
                .body("waiting", equalTo(0))
                .body("active", equalTo(0))
                .body("maxActive", equalTo(100));
        Api.enterActive(Tokens.newUserId(), concert);

        as(Tokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"maxActive\":7}")
                .put("/api/v1/admin/concerts/" + concert + "/queue")
                .then()
                .statusCode(200)
                .body("maxActive", equalTo(7))
                .body("active", equalTo(1))
                .body("waiting", equalTo(0));
        as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert + "/queue")
                .then()
                .body("maxActive", equalTo(7));
    }

    @Test
    void queueCallsOnAnUnknownConcertAre404() {
        assertProblem(
                as(Tokens.admin()).get("/api/v1/admin/concerts/99999999/queue").then(), 404);
        assertProblem(
                as(Tokens.admin())
                        .contentType(ContentType.JSON)
                        .body("{\"maxActive\":7}")
                        .put("/api/v1/admin/concerts/99999999/queue")
                        .then(),
                404);
    }

    @Test
    void theCapIsAWholeNumberFromZeroToOneMillion() {
        long concert = Api.createConcert(1, 5, 1000).id();
        for (String body : new String[] {
            "{\"maxActive\":-1}",
            "{\"maxActive\":1000001}",
            "{\"maxActive\":2.5}",
            "{\"maxActive\":\"5\"}",
            "{}",
            "{\"maxActive\":null}"
        }) {
            assertProblem(
                    as(Tokens.admin())
                            .contentType(ContentType.JSON)
                            .body(body)
                            .put("/api/v1/admin/concerts/" + concert + "/queue")
                            .then(),
                    400);
        }
        as(Tokens.admin())
                .get("/api/v1/admin/concerts/" + concert + "/queue")
                .then()
                .body("maxActive", equalTo(100));
    }
}
