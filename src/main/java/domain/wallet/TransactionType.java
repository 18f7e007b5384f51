package domain.wallet;

public enum TransactionType {
    CHARGE,
    PAYMENT,
    REFUND
}
