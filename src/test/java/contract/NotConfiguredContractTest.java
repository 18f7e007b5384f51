package contract;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static support.Api.as;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;
import support.Api;
import support.TestInfrastructure;
import support.Tokens;

/**
 * A deployment with nothing optional set up (no membership app server, no reconciliation provider,
 * no payment gateway) says so instead of pretending (D67, D68): a job that is off did not run, and a
 * call that needs a missing feature is refused up front with a 409 problem, not accepted and failed
 * later, nor answered as an outage.
 */
@QuarkusTest
@TestProfile(NotConfiguredContractTest.Unconfigured.class)
class NotConfiguredContractTest {
    /** Only the database, Redis and keys of the run: no partner sync stub, no provider, no PG. */
    public static class Unconfigured implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestInfrastructure.Unconfigured.class));
        }
    }

    @Test
    void thePartnerSyncJobSaysItDidNotRunWhenTheSyncIsOff() {
        as(Tokens.admin())
                .post("/api/v1/admin/jobs/partner-sync/run")
                .then()
                .statusCode(200)
                .body("job", equalTo("partner-sync"))
                .body("ran", equalTo(false))
                .body("processed", equalTo(0))
                .body("reason", equalTo("DISABLED"));
        // a job that has work to do still runs
        as(Tokens.admin())
                .post("/api/v1/admin/jobs/hold-expiry/run")
                .then()
                .statusCode(200)
                .body("ran", equalTo(true))
                .body("reason", nullValue());
    }

    @Test
    void aReconciliationWithNoProviderIsRefusedBeforeItStarts() {
        assertProblem(
                as(Tokens.admin())
                        .contentType(ContentType.JSON)
                        .body("{\"date\":\"2020-01-01\"}")
                        .post("/api/v1/admin/reconciliations")
                        .then(),
                409,
                "reconciliation-not-configured");
        assertProblem(
                as(Tokens.admin())
                        .contentType(ContentType.JSON)
                        .body("{\"from\":\"2020-01-01\",\"to\":\"2020-01-02\"}")
                        .post("/api/v1/admin/reconciliations")
                        .then(),
                409,
                "reconciliation-not-configured");
        // no run was recorded
        assertProblem(
                as(Tokens.admin())
                        .get("/api/v1/admin/reconciliations/2020-01-01")
                        .then(),
                404,
                "not-found");
    }

    @Test
    void noTopUpOrderIsOpenedWithoutAPaymentGateway() {
        String user = Tokens.newUserId();
        assertProblem(
                        Api.asUser(user)
                                .contentType(ContentType.JSON)
                                .body("{\"amount\":5000}")
                                .post("/api/v1/wallet/top-ups")
                                .then(),
                        409,
                        "top-ups-not-configured")
                .header("Retry-After", nullValue());
    }
}
