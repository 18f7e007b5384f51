package domain.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import domain.topup.TopUpStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The chain and the record states (decisions D55, D56). */
class ReconciliationStateTest {
    private static final FeePolicy FEE = new FeePolicy(250);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final ReconciliationState MATCHED =
            new ReconciliationState(StatementKind.TRANSACTIONS, Category.MATCHED);
    private static final ReconciliationState ACQUIRED =
            new ReconciliationState(StatementKind.ACQUISITIONS, Category.MATCHED);
    private static final ReconciliationState SETTLED =
            new ReconciliationState(StatementKind.SETTLEMENTS, Category.MATCHED);

    private static BookedTopUp ours(long amount, ReconciliationState state) {
        return new BookedTopUp("k", TopUpStatus.APPROVED, amount, state);
    }

    @Test
    void aPaymentMovesThroughTheChain() {
        StatementLine line = StatementLine.payment(2, "k", GatewayStatus.APPROVED, 10_000);
        Verdict transaction = ReconciliationRules.classify(
                StatementKind.TRANSACTIONS, line, ours(10_000, ReconciliationState.UNRECONCILED), FEE);
        assertEquals(MATCHED, transaction.next());
        assertEquals("MATCHED", transaction.next().state());
        Verdict acquisition =
                ReconciliationRules.classify(StatementKind.ACQUISITIONS, line, ours(10_000, MATCHED), FEE);
        assertEquals("ACQUIRED", acquisition.next().state());
        Verdict settlement = ReconciliationRules.classify(
                StatementKind.SETTLEMENTS,
                StatementLine.settlement(2, "k", 10_000, 250, 9_750, DAY),
                ours(10_000, ACQUIRED),
                FEE);
        assertEquals(Category.MATCHED, settlement.category());
        assertEquals("SETTLED", settlement.next().state());
    }

    @Test
    void aTransactionMismatchIsNotAcquiredAndAnUnacquiredPaymentIsNotSettled() {
        ReconciliationState mismatch = new ReconciliationState(StatementKind.TRANSACTIONS, Category.AMOUNT_MISMATCH);
        Verdict acquisition = ReconciliationRules.classify(
                StatementKind.ACQUISITIONS,
                StatementLine.payment(2, "k", GatewayStatus.APPROVED, 10_000),
                ours(10_000, mismatch),
                FEE);
        assertEquals(Category.NOT_MATCHED, acquisition.category());
        assertEquals(Action.NONE, acquisition.action());
        assertNull(acquisition.next()); // the record keeps its mismatch
        Verdict settlement = ReconciliationRules.classify(
                StatementKind.SETTLEMENTS,
                StatementLine.settlement(2, "k", 10_000, 250, 9_750, DAY),
                ours(10_000, MATCHED),
                FEE);
        assertEquals(Category.NOT_ACQUIRED, settlement.category());
        assertNull(settlement.next());
    }

    @Test
    void aSettlementMismatchIsTheRecordsStateAndNoEarlierStageUndoesALaterOne() {
        Verdict settlement = ReconciliationRules.classify(
                StatementKind.SETTLEMENTS,
                StatementLine.settlement(2, "k", 10_000, 300, 9_700, DAY),
                ours(10_000, ACQUIRED),
                FEE);
        assertEquals("FEE_MISMATCH", settlement.next().state());
        // a re-run of the transaction file changes nothing once a later stage has spoken
        assertEquals(SETTLED, SETTLED.after(StatementKind.TRANSACTIONS, Category.AMOUNT_MISMATCH));
        assertEquals(SETTLED, SETTLED.after(StatementKind.ACQUISITIONS, Category.MATCHED));
        assertNull(ReconciliationRules.classify(
                        StatementKind.TRANSACTIONS,
                        StatementLine.payment(2, "k", GatewayStatus.APPROVED, 10_000),
                        ours(10_000, SETTLED),
                        FEE)
                .next());
        // the same stage may correct itself
        ReconciliationState mismatch = new ReconciliationState(StatementKind.TRANSACTIONS, Category.AMOUNT_MISMATCH);
        assertEquals(MATCHED, mismatch.after(StatementKind.TRANSACTIONS, Category.MATCHED));
    }

    @Test
    void passedMeansTheStageMatchedOrALaterOneSpoke() {
        assertTrue(MATCHED.passed(StatementKind.TRANSACTIONS));
        assertFalse(MATCHED.passed(StatementKind.ACQUISITIONS));
        assertTrue(new ReconciliationState(StatementKind.SETTLEMENTS, Category.FEE_MISMATCH)
                .passed(StatementKind.ACQUISITIONS));
        assertFalse(new ReconciliationState(StatementKind.TRANSACTIONS, Category.STATUS_MISMATCH)
                .passed(StatementKind.TRANSACTIONS));
        assertFalse(ReconciliationState.UNRECONCILED.passed(StatementKind.TRANSACTIONS));
    }

    @Test
    void statesAreStoredByNameAndStage() {
        assertEquals(ReconciliationState.UNRECONCILED, ReconciliationState.of("UNRECONCILED", null));
        assertEquals(ACQUIRED, ReconciliationState.of("ACQUIRED", "ACQUISITIONS"));
        assertEquals(
                new ReconciliationState(StatementKind.SETTLEMENTS, Category.AMOUNT_MISMATCH),
                ReconciliationState.of("AMOUNT_MISMATCH", "SETTLEMENTS"));
        assertThrows(IllegalArgumentException.class, () -> ReconciliationState.of("SETTLED", "TRANSACTIONS"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReconciliationState(StatementKind.ACQUISITIONS, Category.NOT_MATCHED));
    }
}
