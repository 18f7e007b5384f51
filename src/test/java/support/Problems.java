package support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** Asserting that a response is an RFC 9457 problem with the given status. */
public final class Problems {
    private Problems() {}

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String typeSuffix) {
        return assertProblem(response, status).body("type", equalTo("urn:concert-booking:problem:" + typeSuffix));
    }
}
