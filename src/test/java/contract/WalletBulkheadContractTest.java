package contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static support.Problems.assertProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import support.Api;
import support.Db;
import support.TestInfrastructure;
import support.Tokens;

/** The per-wallet cap on concurrent payments (D20), through HTTP, with one payment held up in the database. */
@QuarkusTest
@TestProfile(WalletBulkheadContractTest.OnePaymentPerWallet.class)
class WalletBulkheadContractTest {

    public static class OnePaymentPerWallet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("payment.max-concurrent-per-wallet", "1", "payment.wallet-wait-timeout", "300ms");
        }
    }

    @Test
    void aSecondPaymentOfABusyWalletGets503WalletBusyChangesNothingAndCanBeRetried() throws Exception {
        Api.ConcertFixture concert = Api.createConcert(1, 2, 30000);
        String user = Tokens.newUserId();
        String token = Api.enterActive(user, concert.id());
        String first = Api.holdOk(user, token, concert.schedule(), 1);
        String second = Api.holdOk(user, token, concert.schedule(), 2);
        Api.charge(user, 100000);
        String secondKey = "pay-" + UUID.randomUUID();

        CompletableFuture<ExtractableResponse<Response>> firstPayment;
        try (Connection lock =
                DriverManager.getConnection(TestInfrastructure.jdbcUrl(TestInfrastructure.DATABASE), "postgres", "")) {
            // hold the wallet's row, so that the first payment stops at its debit, inside the cap
            lock.setAutoCommit(false);
            try (PreparedStatement s = lock.prepareStatement("SELECT 1 FROM wallet WHERE user_id = ? FOR UPDATE")) {
                s.setString(1, user);
                s.executeQuery().close();
            }
            firstPayment = CompletableFuture.supplyAsync(() -> Api.pay(user, first, "pay-" + UUID.randomUUID()));
            awaitOneBackendWaitingOnALock();

            assertProblem(
                            Api.asUser(user)
                                    .header("Idempotency-Key", secondKey)
                                    .contentType("application/json")
                                    .body("{\"reservationId\":\"" + second + "\"}")
                                    .post("/api/v1/payments")
                                    .then(),
                            503,
                            "wallet-busy")
                    .header("Retry-After", "5");
            assertEquals("HELD", Db.text("SELECT status FROM reservation WHERE id = ?::uuid", second));
            assertEquals(0, Db.count("SELECT count(*) FROM payment WHERE reservation_id = ?::uuid", second));
            lock.rollback();
        }

        ExtractableResponse<Response> paidFirst = firstPayment.get(30, TimeUnit.SECONDS);
        assertEquals(201, paidFirst.statusCode(), paidFirst.asString());
        ExtractableResponse<Response> retried = Api.pay(user, second, secondKey);
        assertEquals(201, retried.statusCode(), "the refusal was not remembered under its key: " + retried.asString());
        assertEquals(40000, Api.balance(user));
    }

    private static void awaitOneBackendWaitingOnALock() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Db.count("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE datname = current_database() AND wait_event_type = 'Lock'""") == 1) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // between polls, not a wait for a result
        }
        fail("the first payment never reached the wallet's row lock");
    }
}
