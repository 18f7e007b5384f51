package adapters.settlementfiles;

import domain.reconciliation.GatewayStatus;
import domain.reconciliation.StatementKind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/**
 * A provider's file layout: one small mapping per provider. Columns are found by their header
 * name, so a provider adding or reordering columns does not break us; a missing one fails the file.
 */
record ProviderLayout(
        String name,
        char delimiter,
        DateTimeFormatter fileDate,
        DateTimeFormatter cellDate,
        Map<StatementKind, FileSpec> files,
        Map<String, GatewayStatus> statuses) {

    ProviderLayout {
        Objects.requireNonNull(name);
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
     * One file kind: its name ({@code {date}} is replaced), the header of each field we read, and
     * the status of every line when the file has no status column (settlement files).
     */
    record FileSpec(String fileName, Map<Field, String> columns, GatewayStatus fixedStatus) {
        FileSpec {
            columns = Map.copyOf(columns);
        }
    }
}
