package adapters.settlementfiles;

import static adapters.settlementfiles.Field.AMOUNT;
import static adapters.settlementfiles.Field.FEE;
import static adapters.settlementfiles.Field.NET;
import static adapters.settlementfiles.Field.PAYMENT_KEY;
import static adapters.settlementfiles.Field.SETTLEMENT_DATE;
import static adapters.settlementfiles.Field.STATUS;
import static domain.reconciliation.StatementKind.ACQUISITIONS;
import static domain.reconciliation.StatementKind.SETTLEMENTS;
import static domain.reconciliation.StatementKind.TRANSACTIONS;

import adapters.settlementfiles.ProviderLayout.Delimited;
import adapters.settlementfiles.ProviderLayout.FileSpec;
import adapters.settlementfiles.ProviderLayout.FixedWidth;
import adapters.settlementfiles.ProviderLayout.Slice;
import domain.reconciliation.GatewayStatus;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers we read, each one declarative mapping (decision D54; docs/reconciliation.md shows a
 * sample of every file). Delimited layouts name their columns by header; fixed-width layouts give
 * byte slices (0-based offset, length) and the trailer fields that are checked.
 */
final class Layouts {
    private Layouts() {}

    static final Charset EUC_KR = Charset.forName("EUC-KR");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final GatewayStatus APPROVED = GatewayStatus.APPROVED;
    private static final GatewayStatus CANCELLED = GatewayStatus.CANCELLED;

    /** Toss-style: comma-separated, camelCase headers, ISO dates, DONE / CANCELED. UTF-8. */
    static final ProviderLayout TOSS = new ProviderLayout(
            "toss",
            StandardCharsets.UTF_8,
            ISO,
            ISO,
            Map.of(
                    TRANSACTIONS,
                    payments(
                            "toss_transactions_{date}.csv",
                            new Delimited(
                                    ',', Map.of(PAYMENT_KEY, "paymentKey", STATUS, "status", AMOUNT, "totalAmount"))),
                    ACQUISITIONS,
                    payments(
                            "toss_acquisitions_{date}.csv",
                            new Delimited(
                                    ',',
                                    Map.of(PAYMENT_KEY, "paymentKey", STATUS, "acquisitionStatus", AMOUNT, "amount"))),
                    SETTLEMENTS,
                    settlements(
                            "toss_settlements_{date}.csv",
                            new Delimited(
                                    ',',
                                    Map.of(
                                            PAYMENT_KEY, "paymentKey",
                                            AMOUNT, "amount",
                                            FEE, "fee",
                                            NET, "payOutAmount",
                                            SETTLEMENT_DATE, "paidOutDate")))),
            Map.of("DONE", APPROVED, "COMPLETED", APPROVED, "CANCELED", CANCELLED, "PARTIAL_CANCELED", CANCELLED));

    /** KCP-style: pipe-separated, upper-case headers, yyyyMMdd dates, APPR / ACQU / CNCL codes. UTF-8. */
    static final ProviderLayout KCP = new ProviderLayout(
            "kcp",
            StandardCharsets.UTF_8,
            BASIC,
            BASIC,
            Map.of(
                    TRANSACTIONS,
                    payments(
                            "KCP_TRADE_{date}.txt",
                            new Delimited('|', Map.of(PAYMENT_KEY, "TNO", STATUS, "TRAN_STAT", AMOUNT, "AMOUNT"))),
                    ACQUISITIONS,
                    payments(
                            "KCP_ACQUIRE_{date}.txt",
                            new Delimited('|', Map.of(PAYMENT_KEY, "TNO", STATUS, "ACQU_STAT", AMOUNT, "ACQU_AMT"))),
                    SETTLEMENTS,
                    settlements(
                            "KCP_SETTLE_{date}.txt",
                            new Delimited(
                                    '|',
                                    Map.of(
                                            PAYMENT_KEY, "TNO",
                                            AMOUNT, "SALE_AMT",
                                            FEE, "FEE_AMT",
                                            NET, "PAY_AMT",
                                            SETTLEMENT_DATE, "PAY_DATE")))),
            Map.of("APPR", APPROVED, "ACQU", APPROVED, "CNCL", CANCELLED));

    /**
     * KSNET: fixed-width 100-byte records in EUC-KR, {@code H} header, {@code D} data, {@code T}
     * trailer with the record count and the sums of the amounts (and of fees and payouts in the
     * settlement file). Codes: {@code 00} approved / acquired, {@code 01} cancelled.
     */
    static final ProviderLayout KSNET = new ProviderLayout(
            "ksnet",
            EUC_KR,
            BASIC,
            BASIC,
            Map.of(
                    TRANSACTIONS,
                    payments("KSNET_TRAN_{date}.dat", ksnetPayments()),
                    ACQUISITIONS,
                    payments("KSNET_ACQU_{date}.dat", ksnetPayments()),
                    SETTLEMENTS,
                    settlements(
                            "KSNET_SETL_{date}.dat",
                            fixed(
                                    100,
                                    Map.of(
                                            PAYMENT_KEY, new Slice(1, 20),
                                            AMOUNT, new Slice(21, 12),
                                            FEE, new Slice(33, 10),
                                            NET, new Slice(43, 12),
                                            SETTLEMENT_DATE, new Slice(55, 8)),
                                    new Slice(1, 10),
                                    List.of(
                                            Map.entry(AMOUNT, new Slice(11, 15)),
                                            Map.entry(FEE, new Slice(26, 15)),
                                            Map.entry(NET, new Slice(41, 15)))))),
            Map.of("00", APPROVED, "01", CANCELLED));

    private static FixedWidth ksnetPayments() {
        return fixed(
                100,
                Map.of(PAYMENT_KEY, new Slice(1, 20), STATUS, new Slice(21, 2), AMOUNT, new Slice(23, 12)),
                new Slice(1, 10),
                List.of(Map.entry(AMOUNT, new Slice(11, 15))));
    }

    /** Welcome Payments online: comma-separated with a header, snake_case columns, yyyyMMdd dates. UTF-8. */
    static final ProviderLayout WELCOME_ONLINE = new ProviderLayout(
            "welcome-online",
            StandardCharsets.UTF_8,
            BASIC,
            BASIC,
            Map.of(
                    TRANSACTIONS,
                    payments(
                            "welcome_online_trade_{date}.csv",
                            new Delimited(',', Map.of(PAYMENT_KEY, "tid", STATUS, "trade_status", AMOUNT, "amount"))),
                    ACQUISITIONS,
                    payments(
                            "welcome_online_acquire_{date}.csv",
                            new Delimited(
                                    ',',
                                    Map.of(PAYMENT_KEY, "tid", STATUS, "acquire_status", AMOUNT, "acquire_amount"))),
                    SETTLEMENTS,
                    settlements(
                            "welcome_online_settle_{date}.csv",
                            new Delimited(
                                    ',',
                                    Map.of(
                                            PAYMENT_KEY, "tid",
                                            AMOUNT, "sale_amount",
                                            FEE, "fee_amount",
                                            NET, "settle_amount",
                                            SETTLEMENT_DATE, "settle_date")))),
            Map.of("PAID", APPROVED, "ACQUIRED", APPROVED, "CANCELLED", CANCELLED));

    /**
     * Welcome Payments offline (card terminals, through the VAN): fixed-width 80-byte EUC-KR records
     * like KSNET's, because that is what terminal VAN files are, and the trailer gives the same
     * integrity check (D54). The payment key is the card approval number. Codes: {@code 1} approved,
     * {@code 2} cancelled.
     */
    static final ProviderLayout WELCOME_OFFLINE = new ProviderLayout(
            "welcome-offline",
            EUC_KR,
            BASIC,
            BASIC,
            Map.of(
                    TRANSACTIONS,
                    payments("WO_TRAN_{date}.dat", welcomeOfflinePayments()),
                    ACQUISITIONS,
                    payments("WO_ACQU_{date}.dat", welcomeOfflinePayments()),
                    SETTLEMENTS,
                    settlements(
                            "WO_SETL_{date}.dat",
                            fixed(
                                    80,
                                    Map.of(
                                            PAYMENT_KEY, new Slice(11, 12),
                                            AMOUNT, new Slice(23, 10),
                                            FEE, new Slice(33, 8),
                                            NET, new Slice(41, 10),
                                            SETTLEMENT_DATE, new Slice(51, 8)),
                                    new Slice(1, 8),
                                    List.of(
                                            Map.entry(AMOUNT, new Slice(9, 14)),
                                            Map.entry(FEE, new Slice(23, 14)),
                                            Map.entry(NET, new Slice(37, 14)))))),
            Map.of("1", APPROVED, "2", CANCELLED));

    private static FixedWidth welcomeOfflinePayments() {
        return fixed(
                80,
                Map.of(PAYMENT_KEY, new Slice(11, 12), STATUS, new Slice(23, 1), AMOUNT, new Slice(24, 10)),
                new Slice(1, 8),
                List.of(Map.entry(AMOUNT, new Slice(9, 14))));
    }

    static final List<ProviderLayout> ALL = List.of(TOSS, KCP, KSNET, WELCOME_ONLINE, WELCOME_OFFLINE);

    static Optional<ProviderLayout> named(String name) {
        return ALL.stream().filter(layout -> layout.name().equals(name)).findFirst();
    }

    static String names() {
        return String.join(", ", ALL.stream().map(ProviderLayout::name).toList());
    }

    private static FileSpec payments(String fileName, ProviderLayout.RecordFormat format) {
        return new FileSpec(fileName, format, null);
    }

    private static FileSpec settlements(String fileName, ProviderLayout.RecordFormat format) {
        return new FileSpec(fileName, format, GatewayStatus.APPROVED);
    }

    /** H / D / T records with the type in the first byte. */
    private static FixedWidth fixed(
            int recordBytes, Map<Field, Slice> columns, Slice trailerCount, List<Map.Entry<Field, Slice>> trailerSums) {
        Map<Field, Slice> sums = new java.util.LinkedHashMap<>();
        trailerSums.forEach(e -> sums.put(e.getKey(), e.getValue()));
        return new FixedWidth(recordBytes, new Slice(0, 1), "H", "D", "T", columns, trailerCount, sums);
    }
}
