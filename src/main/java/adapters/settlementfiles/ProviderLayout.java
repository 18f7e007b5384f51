package adapters.settlementfiles;

import domain.reconciliation.GatewayStatus;
import domain.reconciliation.StatementKind;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A provider's file layout, declared as data (decision D54): its charset, the date formats, and per
 * file kind the file name and the {@link RecordFormat} that says where each {@link Field} is. One
 * reader per format ({@link DelimitedStatementFile}, {@link FixedWidthStatementFile}) interprets
 * every layout; adding a provider is one more entry in {@link Layouts}, no code.
 */
record ProviderLayout(
        String name,
        Charset charset,
        DateTimeFormatter fileDate,
        DateTimeFormatter cellDate,
        Map<StatementKind, FileSpec> files,
        Map<String, GatewayStatus> statuses) {

    ProviderLayout {
        Objects.requireNonNull(name);
        Objects.requireNonNull(charset);
        files = Map.copyOf(files);
        statuses = Map.copyOf(statuses);
    }

    FileSpec spec(StatementKind kind) {
        return files.get(kind);
    }

    String fileName(StatementKind kind, LocalDate date) {
        return spec(kind).fileName().replace("{date}", fileDate.format(date));
    }

    /**
     * One file kind: its name ({@code {date}} is replaced), how its records are laid out, and the
     * status of every line when the file has no status column (settlement files).
     */
    record FileSpec(String fileName, RecordFormat format, GatewayStatus fixedStatus) {
        FileSpec {
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(format);
        }
    }

    /** Where the fields of a record are. */
    sealed interface RecordFormat permits Delimited, FixedWidth {}

    /**
     * A header line names the columns, each record is one line split at {@code delimiter} (RFC 4180
     * quotes allowed). Columns are found by header name, in any order; extra columns are ignored.
     */
    record Delimited(char delimiter, Map<Field, String> columns) implements RecordFormat {
        Delimited {
            columns = Map.copyOf(columns);
        }
    }

    /**
     * Records of exactly {@code recordBytes} bytes (in the layout's charset: a Korean character takes
     * two bytes in EUC-KR), one per line; the record type at {@code type} tells the header (first
     * line), the data records and the trailer (last line). The trailer's record count and the sum of
     * each field in {@code trailerSums} are checked against the data records: a file that disagrees
     * with its own trailer, or has none, is unusable as a whole.
     */
    record FixedWidth(
            int recordBytes,
            Slice type,
            String headerType,
            String dataType,
            String trailerType,
            Map<Field, Slice> columns,
            Slice trailerCount,
            Map<Field, Slice> trailerSums)
            implements RecordFormat {
        FixedWidth {
            columns = new LinkedHashMap<>(columns);
            trailerSums = new LinkedHashMap<>(trailerSums);
            for (Slice slice : columns.values()) {
                slice.checkWithin(recordBytes);
            }
            for (Slice slice : trailerSums.values()) {
                slice.checkWithin(recordBytes);
            }
            trailerCount.checkWithin(recordBytes);
            type.checkWithin(recordBytes);
        }
    }

    /** A field's bytes in a fixed-width record: 0-based {@code from}, {@code length} bytes. */
    record Slice(int from, int length) {
        Slice {
            if (from < 0 || length < 1) {
                throw new IllegalArgumentException("a slice starts at 0 or later and is at least one byte");
            }
        }

        void checkWithin(int recordBytes) {
            if (from + length > recordBytes) {
                throw new IllegalArgumentException("slice " + this + " ends past a " + recordBytes + "-byte record");
            }
        }
    }
}
