package support;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Wallet consistency checks shared by the money tests. */
public final class Wallets {
    private Wallets() {}

    /** Σ ledger (charges and refunds in, payments out) = the balance = the last line's balance_after. */
    public static void assertLedgerMatchesBalance(String user) {
        long ledger = Db.count(
                "SELECT coalesce(sum(CASE WHEN type = 'PAYMENT' THEN -amount ELSE amount END), 0)"
                        + " FROM wallet_transaction WHERE user_id = ?",
                user);
        assertEquals(Api.balance(user), ledger, "the ledger adds up to the balance of " + user);
        assertEquals(
                ledger,
                Db.count(
                        "SELECT balance_after FROM wallet_transaction WHERE user_id = ? ORDER BY seq DESC LIMIT 1",
                        user));
    }
}
