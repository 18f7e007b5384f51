package domain.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import domain.shared.InvalidValueException;
import domain.topup.TopUpStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReconciliationRulesTest {
    private static final FeePolicy FEE = new FeePolicy(320);

    @ParameterizedTest(name = "PG {0} {1} vs ours {2} {3} → {4} / {5}")
    @CsvSource(
            nullValues = "-",
            value = {
                "APPROVED,  1000, APPROVED,  1000, MATCHED,          NONE",
                "APPROVED,  1000, -,         -,    MISSING_INTERNAL, NONE",
                "CANCELLED, 1000, -,         -,    MATCHED,          NONE",
                "APPROVED,  1000, APPROVED,  1100, AMOUNT_MISMATCH,  NONE",
                "CANCELLED, 1000, APPROVED,  1000, STATUS_MISMATCH,  NONE",
                "APPROVED,  1000, PENDING,   1000, MATCHED,          SETTLE_APPROVED",
                "APPROVED,  1000, PENDING,   999,  AMOUNT_MISMATCH,  NONE",
                "CANCELLED, 1000, PENDING,   1000, MATCHED,          SETTLE_CANCELLED",
                "APPROVED,  1000, DECLINED,  1000, MISSING_INTERNAL, NONE",
                "CANCELLED, 1000, DECLINED,  1000, MATCHED,          NONE",
                "APPROVED,  1000, CANCELLED, 1000, MISSING_INTERNAL, NONE",
            })
    void paymentLines(
            GatewayStatus pg, long pgAmount, TopUpStatus ours, Long ourAmount, Category category, Action action) {
        BookedTopUp booked = ours == null ? null : new BookedTopUp("k", ours, ourAmount);

        Verdict verdict = ReconciliationRules.payment(StatementLine.payment(1, "k", pg, pgAmount), booked);

        assertEquals(category, verdict.category());
        assertEquals(action, verdict.action());
    }

    @Test
    void aCreditedTopUpTheFileDoesNotListIsMissingAtThePg() {
        Verdict verdict = ReconciliationRules.unknownToPg(new BookedTopUp("k", TopUpStatus.APPROVED, 5000));
        assertEquals(Category.MISSING_AT_PG, verdict.category());
        assertEquals(Action.NONE, verdict.action());
    }

    @ParameterizedTest(name = "gross {0} fee {1} net {2} vs ours {3} → {4}")
    @CsvSource({
        "10000, 320, 9680, 10000, MATCHED",
        "10000, 400, 9600, 10000, FEE_MISMATCH",
        "10000, 320, 9000, 10000, SETTLEMENT_MISMATCH",
        "10000, 320, 9680, 12000, AMOUNT_MISMATCH",
    })
    void settlementLines(long gross, long fee, long net, long ours, Category category) {
        StatementLine line = StatementLine.settlement(1, "k", gross, fee, net, LocalDate.of(2026, 11, 21));

        Verdict verdict = ReconciliationRules.settlement(line, new BookedTopUp("k", TopUpStatus.APPROVED, ours), FEE);

        assertEquals(category, verdict.category());
    }

    @Test
    void aSettlementWithNoTopUpHereIsMissingInternal() {
        StatementLine line = StatementLine.settlement(1, "k", 10000, 320, 9680, LocalDate.of(2026, 11, 21));
        assertEquals(
                Category.MISSING_INTERNAL,
                ReconciliationRules.settlement(line, null, FEE).category());
    }

    @Test
    void feesRoundHalfUpToTheWon() {
        assertEquals(320, FEE.expectedFee(10_000));
        assertEquals(2, new FeePolicy(250).expectedFee(99)); // 2.475 → 2
        assertEquals(3, new FeePolicy(250).expectedFee(100)); // 2.5 → 3
        assertEquals(0, new FeePolicy(0).expectedFee(1_000_000));
        assertThrows(IllegalArgumentException.class, () -> new FeePolicy(10_001));
    }

    @Test
    void aLineNeedsAKeyAndAPositiveAmount() {
        assertThrows(InvalidValueException.class, () -> StatementLine.payment(1, " ", GatewayStatus.APPROVED, 1));
        assertThrows(InvalidValueException.class, () -> StatementLine.payment(1, "k", GatewayStatus.APPROVED, 0));
        assertThrows(
                InvalidValueException.class,
                () -> StatementLine.settlement(1, "k", 100, -1, 101, LocalDate.of(2026, 1, 1)));
    }

    @Test
    void aBusinessDayRunsMidnightToMidnightInItsZone() {
        BusinessDay day = new BusinessDay(LocalDate.of(2026, 11, 21), java.time.ZoneId.of("Asia/Seoul"));
        assertEquals(java.time.Instant.parse("2026-11-20T15:00:00Z"), day.start());
        assertEquals(java.time.Instant.parse("2026-11-21T15:00:00Z"), day.end());
        assertEquals(false, day.isOverAt(java.time.Instant.parse("2026-11-21T14:59:59Z")));
        assertEquals(true, day.isOverAt(java.time.Instant.parse("2026-11-21T15:00:00Z")));
        // 08:00 in Seoul on the 22nd is still the 21st in UTC: the morning run takes the 21st
        assertEquals(
                LocalDate.of(2026, 11, 21),
                BusinessDay.before(java.time.Instant.parse("2026-11-21T23:00:00Z"), java.time.ZoneId.of("Asia/Seoul"))
                        .date());
    }
}
