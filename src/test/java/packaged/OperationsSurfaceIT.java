package packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Management;
import support.TestInfrastructure;
import support.Tokens;

/**
 * The packaged jar in the prod profile: health and metrics only on the management port, and the
 * service's database sessions all belong to the least-privilege app role.
 */
@QuarkusIntegrationTest
class OperationsSurfaceIT {

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().get(path).then().statusCode(404).contentType(containsString("problem+json"));
        }
    }

    @Test
    void healthAndMetricsAreOnTheManagementPort() {
        Api.charge(Tokens.newUserId(), 100);
        Management.given().get("/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().get("/health/live").then().statusCode(200);
        Management.given()
                .get("/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("jvm_memory_used_bytes"));
        // the management port serves nothing of the API
        given().baseUri(Management.url().replaceAll("/q$", ""))
                .port(-1)
                .get("/api/v1/concerts")
                .then()
                .statusCode(404);
    }

    @Test
    void theServiceConnectsToPostgresAsTheLeastPrivilegeRole() throws SQLException {
        Api.charge(Tokens.newUserId(), 100); // the pool has live sessions
        Set<String> users = new HashSet<>();
        try (Connection c = admin();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select distinct usename from pg_stat_activity where datname = '"
                        + TestInfrastructure.DATABASE + "' and pid <> pg_backend_pid()")) {
            while (r.next()) {
                users.add(r.getString(1));
            }
        }
        assertEquals(Set.of(TestInfrastructure.APP_ROLE), users, "every session of the service");
        try (Connection c = admin();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select rolsuper or rolcreatedb or rolcreaterole from pg_roles"
                        + " where rolname = '" + TestInfrastructure.APP_ROLE + "'")) {
            r.next();
            assertFalse(r.getBoolean(1), "the app role has no superuser, CREATEDB or CREATEROLE attribute");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.jdbcUrl(TestInfrastructure.DATABASE), "postgres", "");
    }
}
