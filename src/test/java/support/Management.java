package support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Quarkus management interface (health, metrics) of the application under test: its own port
 * ({@code quarkus.management.test-port=0}, a free one per run), never the public port.
 */
public final class Management {
    private Management() {}

    /** {@code http://localhost:<management port>/q}, as Quarkus' test support resolved it for this run. */
    public static String url() {
        return ConfigProvider.getConfig().getValue("test.management.url", String.class);
    }

    /** A request against the management interface; paths are relative to {@code /q} ("/health/ready"). */
    public static RequestSpecification given() {
        return RestAssured.given().baseUri(url()).port(-1);
    }
}
