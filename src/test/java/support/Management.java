package support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The Quarkus management interface (health, metrics) of the application under test: its own port
 * (a free one per run, chosen by {@link TestInfrastructure}), never the public port.
 */
public final class Management {
    private Management() {}

    /** {@code http://localhost:<management port>/q}. */
    public static String url() {
        return "http://localhost:" + TestInfrastructure.managementPort() + "/q";
    }

    /** A request against the management interface; paths are relative to {@code /q} ("/health/ready"). */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri(url()).port(-1);
    }
}
