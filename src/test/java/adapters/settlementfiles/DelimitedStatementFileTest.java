package adapters.settlementfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.reconciliation.port.out.StatementSource.StatementUnavailableException;
import domain.reconciliation.GatewayStatus;
import domain.reconciliation.LineError;
import domain.reconciliation.StatementKind;
import domain.reconciliation.StatementLine;
import java.io.BufferedReader;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedStatementFileTest {
    private final List<StatementLine> lines = new ArrayList<>();
    private final List<LineError> errors = new ArrayList<>();

    private void read(ProviderLayout layout, StatementKind kind, String text) {
        try (DelimitedStatementFile file = new DelimitedStatementFile(
                "f", new BufferedReader(new StringReader(text)), layout, layout.spec(kind))) {
            file.read(lines::add, errors::add);
        }
    }

    @Test
    void columnsAreFoundByHeaderNameInAnyOrder() {
        read(Layouts.TOSS, StatementKind.TRANSACTIONS, """
                \uFEFFapprovedAt,status,totalAmount,extra,paymentKey
                2026-11-21T10:00:00+09:00,DONE,1000,x,pk-1
                2026-11-21T10:00:00+09:00,CANCELED,2000,x,pk-2
                """);

        assertEquals(
                List.of(
                        StatementLine.payment(2, "pk-1", GatewayStatus.APPROVED, 1000),
                        StatementLine.payment(3, "pk-2", GatewayStatus.CANCELLED, 2000)),
                lines);
        assertEquals(List.of(), errors);
    }

    @Test
    void badLinesAreReportedWithTheirLineNumberAndReadingGoesOn() {
        read(Layouts.KCP, StatementKind.SETTLEMENTS, """
                TNO|ORDR_IDXX|SALE_AMT|FEE_AMT|PAY_AMT|PAY_DATE
                t1|o|15000|375|14625|20261123

                t2|o|15,000|375|14625|20261123
                t3|o|15000|375|14625|2026-11-23
                t4|o
                t5|o|0|0|0|20261123
                "t|6"|o|100|2|98|20261123
                """);

        assertEquals(
                List.of(
                        StatementLine.settlement(2, "t1", 15000, 375, 14625, LocalDate.of(2026, 11, 23)),
                        StatementLine.settlement(8, "t|6", 100, 2, 98, LocalDate.of(2026, 11, 23))),
                lines);
        assertEquals(
                List.of(4L, 5L, 6L, 7L), errors.stream().map(LineError::lineNo).toList());
        assertTrue(errors.get(0).reason().contains("SALE_AMT '15,000' is not a whole number"));
        assertTrue(errors.get(1).reason().contains("PAY_DATE '2026-11-23' is not a date"));
        assertTrue(errors.get(2).reason().contains("expected at least 6 fields"));
        assertTrue(errors.get(3).reason().contains("positive"));
    }

    @Test
    void anUnknownStatusIsABadLine() {
        read(Layouts.KCP, StatementKind.TRANSACTIONS, "TNO|ORDR_IDXX|TRAN_STAT|AMOUNT\nt1|o|WHAT|100\n");
        assertEquals(1, errors.size());
        assertTrue(
                errors.getFirst().reason().startsWith("unknown status 'WHAT'"),
                errors.getFirst().reason());
    }

    @Test
    void aFileWithoutTheNeededColumnsOrWithoutAHeaderCannotBeUsed() {
        StatementUnavailableException noColumn = assertThrows(
                StatementUnavailableException.class,
                () -> read(Layouts.TOSS, StatementKind.SETTLEMENTS, "paymentKey,amount,fee\n"));
        assertTrue(
                noColumn.getMessage().contains("lacks columns 'payOutAmount', 'paidOutDate'"), noColumn.getMessage());
        assertThrows(StatementUnavailableException.class, () -> read(Layouts.TOSS, StatementKind.TRANSACTIONS, ""));
    }

    @Test
    void quotedFieldsMayHoldTheDelimiterAndQuotes() {
        assertEquals(List.of("a,b", "say \"hi\"", ""), DelimitedLine.split("\"a,b\",\"say \"\"hi\"\"\",", ','));
        assertThrows(IllegalArgumentException.class, () -> DelimitedLine.split("\"open,", ','));
    }

    @Test
    void welcomeOnlineSamplesAreRead() throws java.io.IOException {
        java.nio.file.Path file =
                FixedWidthStatementFileTest.SAMPLES.resolve("welcome/welcome_online_trade_20261121.csv");
        read(Layouts.WELCOME_ONLINE, StatementKind.TRANSACTIONS, java.nio.file.Files.readString(file));
        assertEquals(
                List.of(
                        StatementLine.payment(2, "wo_SMPL_0001", GatewayStatus.APPROVED, 12_000),
                        StatementLine.payment(3, "wo_SMPL_0002", GatewayStatus.APPROVED, 13_000),
                        StatementLine.payment(4, "wo_SMPL_0002", GatewayStatus.CANCELLED, 13_000)),
                lines);
    }

    @Test
    void fileNamesFollowEachProvidersPattern() {
        LocalDate day = LocalDate.of(2026, 11, 21);
        assertEquals("toss_settlements_2026-11-21.csv", Layouts.TOSS.fileName(StatementKind.SETTLEMENTS, day));
        assertEquals("KCP_TRADE_20261121.txt", Layouts.KCP.fileName(StatementKind.TRANSACTIONS, day));
    }
}
