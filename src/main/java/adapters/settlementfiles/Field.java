package adapters.settlementfiles;

/** What a column of a PG file means to us, whatever the provider calls it. */
enum Field {
    PAYMENT_KEY,
    STATUS,
    AMOUNT,
    FEE,
    NET,
    SETTLEMENT_DATE
}
