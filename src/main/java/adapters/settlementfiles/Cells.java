package adapters.settlementfiles;

import domain.reconciliation.GatewayStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A cell's text in our terms, the same for every layout and format; {@code label} names it in errors. */
final class Cells {
    private Cells() {}

    static GatewayStatus status(ProviderLayout layout, String code) {
        GatewayStatus status = layout.statuses().get(code);
        if (status == null) {
            throw new IllegalArgumentException("unknown status '" + code + "' (" + layout.name() + " codes: "
                    + String.join(
                            ", ", layout.statuses().keySet().stream().sorted().toList()) + ")");
        }
        return status;
    }

    static long won(String label, String cell) {
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " '" + cell + "' is not a whole number of won");
        }
    }

    static LocalDate date(ProviderLayout layout, String label, String cell) {
        try {
            return LocalDate.parse(cell, layout.cellDate());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(label + " '" + cell + "' is not a date");
        }
    }
}
