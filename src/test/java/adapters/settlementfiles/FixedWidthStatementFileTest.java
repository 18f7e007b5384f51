package adapters.settlementfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import application.reconciliation.port.out.StatementSource.StatementUnavailableException;
import domain.reconciliation.GatewayStatus;
import domain.reconciliation.LineError;
import domain.reconciliation.StatementKind;
import domain.reconciliation.StatementLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed-width layouts, read from the sample files of scripts/samples/reconciliation. */
class FixedWidthStatementFileTest {
    static final Path SAMPLES = Path.of("scripts/samples/reconciliation");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    private final List<StatementLine> lines = new ArrayList<>();
    private final List<LineError> errors = new ArrayList<>();

    private void read(ProviderLayout layout, StatementKind kind, InputStream in) {
        try (FixedWidthStatementFile file = new FixedWidthStatementFile("f", in, layout, layout.spec(kind))) {
            file.read(lines::add, errors::add);
        }
    }

    private void readSample(String dir, ProviderLayout layout, StatementKind kind) throws IOException {
        read(layout, kind, Files.newInputStream(SAMPLES.resolve(dir).resolve(layout.fileName(kind, DAY))));
    }

    @Test
    void ksnetSamplesAreReadInEucKr() throws IOException {
        readSample("ksnet", Layouts.KSNET, StatementKind.TRANSACTIONS);
        assertEquals(
                List.of(
                        StatementLine.payment(2, "ks_SMPL_0001", GatewayStatus.APPROVED, 10_000),
                        StatementLine.payment(3, "ks_SMPL_0002", GatewayStatus.APPROVED, 20_000),
                        StatementLine.payment(4, "ks_SMPL_0002", GatewayStatus.CANCELLED, 20_000),
                        StatementLine.payment(5, "ks_SMPL_0003", GatewayStatus.APPROVED, 30_000)),
                lines);
        assertEquals(List.of(), errors);
        lines.clear();
        readSample("ksnet", Layouts.KSNET, StatementKind.SETTLEMENTS);
        assertEquals(List.of(StatementLine.settlement(2, "ks_SMPL_0001", 10_000, 250, 9_750, DAY)), lines);
    }

    @Test
    void welcomeOfflineSamplesAreRead() throws IOException {
        readSample("welcome-offline", Layouts.WELCOME_OFFLINE, StatementKind.TRANSACTIONS);
        assertEquals(3, lines.size());
        assertEquals(StatementLine.payment(4, "SMPL00000003", GatewayStatus.CANCELLED, 77_000), lines.get(2));
        lines.clear();
        readSample("welcome-offline", Layouts.WELCOME_OFFLINE, StatementKind.SETTLEMENTS);
        assertEquals(List.of(StatementLine.settlement(2, "SMPL00000001", 55_000, 1_100, 53_900, DAY)), lines);
    }

    @Test
    void aTrailerThatDisagreesFailsTheWholeFile() {
        StatementUnavailableException broken = assertThrows(
                StatementUnavailableException.class,
                () -> readSample("broken/ksnet-broken-trailer", Layouts.KSNET, StatementKind.TRANSACTIONS));
        assertTrue(
                broken.getMessage().contains("the trailer (line 6) disagrees with the records: sum of amount"),
                broken.getMessage());
        assertTrue(broken.getMessage().contains("70000 ≠ 80000"), broken.getMessage());
    }

    @Test
    void aTruncatedFileFailsAndItsCutRecordIsNamed() {
        StatementUnavailableException truncated = assertThrows(
                StatementUnavailableException.class,
                () -> readSample("broken/ksnet-truncated", Layouts.KSNET, StatementKind.TRANSACTIONS));
        assertTrue(
                truncated.getMessage().contains("truncated: no trailer record ('T') after line 4"),
                truncated.getMessage());
        assertEquals(4, errors.getFirst().lineNo());
        assertTrue(errors.getFirst().reason().contains("the record is 40 bytes, expected 100"));
    }

    @Test
    void aFileInAnotherEncodingFailsLoudly() {
        StatementUnavailableException utf8 = assertThrows(
                StatementUnavailableException.class,
                () -> readSample("broken/ksnet-utf8", Layouts.KSNET, StatementKind.TRANSACTIONS));
        assertTrue(utf8.getMessage().contains("line 1 is not valid EUC-KR"), utf8.getMessage());
    }

    @Test
    void badDataRecordsAreLineErrorsAndReadingGoesOn() {
        String header = "H20261121TR".concat(" ".repeat(89));
        String ok = record("D" + pad("k1", 20) + "00" + "000000001000");
        String badAmount = record("D" + pad("k2", 20) + "00" + "0000000010x0");
        String badStatus = record("D" + pad("k3", 20) + "77" + "000000001000");
        String trailer = record("T" + "0000000003" + "000000000002000");
        read(Layouts.KSNET, StatementKind.TRANSACTIONS, bytes(header, ok, badAmount, badStatus, trailer));
        assertEquals(List.of(StatementLine.payment(2, "k1", GatewayStatus.APPROVED, 1_000)), lines);
        assertEquals(List.of(3L, 4L), errors.stream().map(LineError::lineNo).toList());
        assertTrue(
                errors.get(0).reason().contains("is not a whole number"),
                errors.get(0).reason());
        assertTrue(
                errors.get(1).reason().startsWith("unknown status '77'"),
                errors.get(1).reason());
    }

    @Test
    void anEmptyFileOrAForeignHeaderCannotBeUsed() {
        assertThrows(
                StatementUnavailableException.class, () -> read(Layouts.KSNET, StatementKind.TRANSACTIONS, bytes()));
        StatementUnavailableException csv = assertThrows(
                StatementUnavailableException.class,
                () -> read(Layouts.KSNET, StatementKind.TRANSACTIONS, bytes("paymentKey,status,amount")));
        assertTrue(csv.getMessage().contains("the header record is 24 bytes"), csv.getMessage());
    }

    @Test
    void fileNamesFollowEachProvidersPattern() {
        assertEquals("KSNET_SETL_20261121.dat", Layouts.KSNET.fileName(StatementKind.SETTLEMENTS, DAY));
        assertEquals("WO_TRAN_20261121.dat", Layouts.WELCOME_OFFLINE.fileName(StatementKind.TRANSACTIONS, DAY));
        assertEquals(
                "welcome_online_trade_20261121.csv", Layouts.WELCOME_ONLINE.fileName(StatementKind.TRANSACTIONS, DAY));
    }

    private static String pad(String text, int bytes) {
        return text + " ".repeat(bytes - text.length());
    }

    private static String record(String start) {
        return pad(start, 100);
    }

    private static InputStream bytes(String... records) {
        return new ByteArrayInputStream(
                (records.length == 0 ? "" : String.join("\n", records) + "\n").getBytes(Layouts.EUC_KR));
    }
}
