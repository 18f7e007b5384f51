package adapters.settlementfiles;

import adapters.settlementfiles.ProviderLayout.FileSpec;
import domain.reconciliation.GatewayStatus;
import domain.reconciliation.StatementKind;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** The providers we read (docs/reconciliation.md documents each file). */
final class Layouts {
    private Layouts() {}

    /** Toss-style: comma-separated, camelCase headers, ISO dates, DONE / CANCELED. */
    static final ProviderLayout TOSS = new ProviderLayout(
            "toss",
            ',',
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ISO_LOCAL_DATE,
            Map.of(
                    StatementKind.TRANSACTIONS,
                    new FileSpec(
                            "toss_transactions_{date}.csv",
                            Map.of(
                                    Field.PAYMENT_KEY,
                                    "paymentKey",
                                    Field.STATUS,
                                    "status",
                                    Field.AMOUNT,
                                    "totalAmount"),
                            null),
                    StatementKind.ACQUISITIONS,
                    new FileSpec(
                            "toss_acquisitions_{date}.csv",
                            Map.of(
                                    Field.PAYMENT_KEY,
                                    "paymentKey",
                                    Field.STATUS,
                                    "acquisitionStatus",
                                    Field.AMOUNT,
                                    "amount"),
                            null),
                    StatementKind.SETTLEMENTS,
                    new FileSpec(
                            "toss_settlements_{date}.csv",
                            Map.of(
                                    Field.PAYMENT_KEY, "paymentKey",
                                    Field.AMOUNT, "amount",
                                    Field.FEE, "fee",
                                    Field.NET, "payOutAmount",
                                    Field.SETTLEMENT_DATE, "paidOutDate"),
                            GatewayStatus.APPROVED)),
            Map.of(
                    "DONE", GatewayStatus.APPROVED,
                    "COMPLETED", GatewayStatus.APPROVED,
                    "CANCELED", GatewayStatus.CANCELLED,
                    "PARTIAL_CANCELED", GatewayStatus.CANCELLED));

    /** KCP-style: pipe-separated, upper-case headers, yyyyMMdd dates, APPR / ACQU / CNCL codes. */
    static final ProviderLayout KCP = new ProviderLayout(
            "kcp",
            '|',
            DateTimeFormatter.BASIC_ISO_DATE,
            DateTimeFormatter.BASIC_ISO_DATE,
            Map.of(
                    StatementKind.TRANSACTIONS,
                    new FileSpec(
                            "KCP_TRADE_{date}.txt",
                            Map.of(Field.PAYMENT_KEY, "TNO", Field.STATUS, "TRAN_STAT", Field.AMOUNT, "AMOUNT"),
                            null),
                    StatementKind.ACQUISITIONS,
                    new FileSpec(
                            "KCP_ACQUIRE_{date}.txt",
                            Map.of(Field.PAYMENT_KEY, "TNO", Field.STATUS, "ACQU_STAT", Field.AMOUNT, "ACQU_AMT"),
                            null),
                    StatementKind.SETTLEMENTS,
                    new FileSpec(
                            "KCP_SETTLE_{date}.txt",
                            Map.of(
                                    Field.PAYMENT_KEY, "TNO",
                                    Field.AMOUNT, "SALE_AMT",
                                    Field.FEE, "FEE_AMT",
                                    Field.NET, "PAY_AMT",
                                    Field.SETTLEMENT_DATE, "PAY_DATE"),
                            GatewayStatus.APPROVED)),
            Map.of("APPR", GatewayStatus.APPROVED, "ACQU", GatewayStatus.APPROVED, "CNCL", GatewayStatus.CANCELLED));

    static Optional<ProviderLayout> named(String name) {
        return switch (name) {
            case "toss" -> Optional.of(TOSS);
            case "kcp" -> Optional.of(KCP);
            default -> Optional.empty();
        };
    }
}
