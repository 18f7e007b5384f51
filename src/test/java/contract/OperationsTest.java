package contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static support.Problems.assertProblem;

import adapters.metrics.QueueMetrics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Management;
import support.TestInfrastructure;
import support.Tokens;

@QuarkusTest
class OperationsTest {
    @Inject
    QueueMetrics metrics;

    @Inject
    adapters.metrics.OutboxMetrics outboxMetrics;

    @Test
    void readinessChecksPostgresAndRedis() {
        Management.given()
                .get("/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Redis connection health check"));
        Management.given().get("/health/live").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        Management.given().get("/health").then().statusCode(200);
        Management.given().get("/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreServed() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/reservations"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/payments"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void metricsExposeQueueGaugesPerConcert() {
        long concert = Api.createConcert(1, 1, 1000).id();
        Api.setMaxActive(concert, 0);
        Api.enter(Tokens.newUserId(), concert);
        Api.enter(Tokens.newUserId(), concert);
        metrics.refresh();
        Management.given()
                .get("/metrics")
                .then()
                .statusCode(200)
                .body(containsString("booking_queue_waiting{concert=\"" + concert + "\"} 2.0"))
                .body(containsString("booking_queue_active{concert=\"" + concert + "\"} 0.0"))
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void metricsExposeTheOutbox() {
        Api.charge(Tokens.newUserId(), 100);
        outboxMetrics.refresh();
        String scrape = Management.given()
                .get("/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String metric : new String[] {
            "booking_outbox_pending ", "booking_outbox_parked ", "booking_outbox_oldest_pending_seconds ",
            "booking_outbox_delivered_total ", "booking_outbox_retried_total ", "booking_outbox_parked_events_total "
        }) {
            org.junit.jupiter.api.Assertions.assertTrue(scrape.contains(metric), metric + " is exported");
        }
        org.junit.jupiter.api.Assertions.assertFalse(
                scrape.contains("booking_outbox_pending 0.0"), "the new event is pending");
    }

    @Test
    void aRedisOutageIsA503WithRetryAfterAndHealsByItself() {
        long concert = Api.createConcert(1, 1, 1000).id();
        String user = Tokens.newUserId();
        try {
            TestInfrastructure.redisProxy().cut();
            assertProblem(
                            Api.asUser(user)
                                    .post("/api/v1/concerts/" + concert + "/queue/tokens")
                                    .then(),
                            503,
                            "dependency-unavailable")
                    .header("Retry-After", equalTo("5"));
            Management.given().get("/health/ready").then().statusCode(503);
        } finally {
            TestInfrastructure.redisProxy().restore();
        }
        awaitStatus(() -> Api.asUser(user)
                                .post("/api/v1/concerts/" + concert + "/queue/tokens")
                                .statusCode()
                        / 100
                == 2);
        Management.given().get("/health/ready").then().statusCode(200);
    }

    @Test
    void aPostgresOutageIsA503WithRetryAfterAndHealsByItself() {
        String user = Tokens.newUserId();
        Api.charge(user, 100);
        try {
            TestInfrastructure.postgresProxy().cut();
            assertProblem(Api.asUser(user).get("/api/v1/wallet").then(), 503, "dependency-unavailable")
                    .header("Retry-After", equalTo("5"));
            Management.given().get("/health/ready").then().statusCode(503);
        } finally {
            TestInfrastructure.postgresProxy().restore();
        }
        awaitStatus(() -> Api.asUser(user).get("/api/v1/wallet").statusCode() == 200);
        Api.asUser(user).get("/api/v1/wallet").then().body("balance", equalTo(100));
    }

    private static void awaitStatus(BooleanSupplier healthy) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!healthy.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the service did not recover within 30 s");
            }
            Thread.onSpinWait();
        }
    }
}
