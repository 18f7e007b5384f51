package application.wallet;

import static application.fakes.TestBed.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import application.fakes.TestBed;
import application.shared.JobSettings;
import application.wallet.port.in.ChargeWalletUseCase;
import domain.shared.UserId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForgetIdempotencyKeysServiceTest {
    private static final UserId ALICE = user("alice");
    private static final Duration RETENTION = Duration.ofDays(7);

    private TestBed bed;
    private ChargeWalletService charge;
    private ForgetIdempotencyKeysService forget;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        charge = bed.chargeWallet(new application.fakes.FakePaymentGateway());
        forget = new ForgetIdempotencyKeysService(
                bed.idempotency, new JobSettings(Duration.ofMinutes(1), 100, RETENTION), bed.clock);
    }

    private ChargeWalletUseCase.Result charge(long amount, String key) {
        return bed.tx.call(() -> charge.charge(new ChargeWalletUseCase.Command(ALICE, amount, key)));
    }

    @Test
    void keysWithinTheRetentionPeriodAreKept() {
        charge(1000, "k1");
        bed.clock.advance(RETENTION.minusSeconds(1));

        assertEquals(0, forget.forgetBatch(100));
        assertEquals(true, charge(1000, "k1").replayed());
    }

    @Test
    void keysPastTheRetentionPeriodAreForgottenOldestFirstAndCanBeUsedAgain() {
        charge(1000, "old-1");
        bed.clock.advance(Duration.ofHours(1));
        charge(1000, "old-2");
        bed.clock.advance(RETENTION.plusMinutes(1));
        charge(1000, "fresh");

        assertEquals(1, forget.forgetBatch(1), "a batch is bounded");
        assertEquals(1, forget.forgetBatch(100));
        assertEquals(0, forget.forgetBatch(100));
        assertEquals(false, charge(5000, "old-1").replayed(), "a forgotten key answers a new request");
        assertEquals(true, charge(1000, "fresh").replayed());
    }
}
