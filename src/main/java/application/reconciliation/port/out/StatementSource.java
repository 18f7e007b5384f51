package application.reconciliation.port.out;

import domain.reconciliation.LineError;
import domain.reconciliation.StatementKind;
import domain.reconciliation.StatementLine;
import java.time.LocalDate;
import java.util.function.Consumer;

/** A payment gateway's daily files, read line by line in the provider's own layout. */
public interface StatementSource {
    /**
     * Opens the provider's file of that kind for the business date.
     *
     * @throws StatementUnavailableException when the file is missing, unreadable or has no usable header
     */
    StatementFile open(String provider, StatementKind kind, LocalDate businessDate);

    /** One open file. Lines are pushed in file order; a malformed line goes to {@code errors} and reading goes on. */
    interface StatementFile extends AutoCloseable {
        String name();

        void read(Consumer<StatementLine> lines, Consumer<LineError> errors);

        @Override
        void close();
    }

    /** The whole file cannot be used: the step fails with this reason (never "all matched"). */
    final class StatementUnavailableException extends RuntimeException {
        private final String fileName;

        public StatementUnavailableException(String fileName, String reason) {
            super(fileName + ": " + reason);
            this.fileName = fileName;
        }

        /** The file as the report names it ({@code <provider>/<file>}). */
        public String fileName() {
            return fileName;
        }
    }
}
