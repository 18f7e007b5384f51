package adapters.settlementfiles;

import adapters.settlementfiles.ProviderLayout.Delimited;
import adapters.settlementfiles.ProviderLayout.FileSpec;
import application.reconciliation.port.out.StatementSource.StatementFile;
import application.reconciliation.port.out.StatementSource.StatementUnavailableException;
import domain.reconciliation.GatewayStatus;
import domain.reconciliation.LineError;
import domain.reconciliation.StatementLine;
import domain.shared.InvalidValueException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One PG file, read line by line: the header names the columns, every other non-blank line becomes
 * a {@link StatementLine} or a {@link LineError} (with its 1-based line number, header included).
 */
final class DelimitedStatementFile implements StatementFile {
    private final String name;
    private final BufferedReader reader;
    private final ProviderLayout layout;
    private final FileSpec spec;
    private final Delimited format;
    private final Map<Field, Integer> index = new EnumMap<>(Field.class);
    private int width;
    private long lineNo;

    DelimitedStatementFile(String name, BufferedReader reader, ProviderLayout layout, FileSpec spec) {
        this.name = name;
        this.reader = reader;
        this.layout = layout;
        this.spec = spec;
        this.format = (Delimited) spec.format();
        readHeader();
    }

    @Override
    public String name() {
        return name;
    }

    private void readHeader() {
        String header = next();
        if (header == null) {
            throw new StatementUnavailableException(name, "the file is empty (no header line)");
        }
        if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
            header = header.substring(1);
        }
        List<String> names = DelimitedLine.split(header, format.delimiter());
        List<String> missing = new java.util.ArrayList<>();
        for (Field field : Field.values()) {
            String column = format.columns().get(field);
            if (column == null) {
                continue;
            }
            int at = names.indexOf(column);
            if (at < 0) {
                missing.add("'" + column + "'");
            } else {
                index.put(field, at);
                width = Math.max(width, at + 1);
            }
        }
        if (!missing.isEmpty()) {
            throw new StatementUnavailableException(
                    name,
                    "the header lacks column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " ("
                            + layout.name() + " layout; header was: " + header + ")");
        }
    }

    @Override
    public void read(Consumer<StatementLine> lines, Consumer<LineError> errors) {
        String text;
        while ((text = next()) != null) {
            if (text.isBlank()) {
                continue;
            }
            try {
                lines.accept(parse(text));
            } catch (IllegalArgumentException | InvalidValueException | DateTimeParseException e) {
                errors.accept(new LineError(lineNo, e.getMessage()));
            }
        }
    }

    private StatementLine parse(String text) {
        List<String> cells = DelimitedLine.split(text, format.delimiter());
        if (cells.size() < width) {
            throw new IllegalArgumentException("expected at least " + width + " fields separated by '"
                    + format.delimiter() + "', found " + cells.size());
        }
        String key = cells.get(index.get(Field.PAYMENT_KEY));
        long amount = won(cells, Field.AMOUNT);
        if (spec.fixedStatus() == null) {
            return StatementLine.payment(lineNo, key, status(cells.get(index.get(Field.STATUS))), amount);
        }
        return StatementLine.settlement(
                lineNo, key, amount, won(cells, Field.FEE), won(cells, Field.NET), date(cells, Field.SETTLEMENT_DATE));
    }

    private GatewayStatus status(String code) {
        return Cells.status(layout, code);
    }

    private long won(List<String> cells, Field field) {
        return Cells.won(format.columns().get(field), cells.get(index.get(field)));
    }

    private LocalDate date(List<String> cells, Field field) {
        return Cells.date(layout, format.columns().get(field), cells.get(index.get(field)));
    }

    private String next() {
        try {
            String text = reader.readLine();
            if (text != null) {
                lineNo++;
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new StatementUnavailableException(
                    name,
                    "line " + (lineNo + 1) + " is not valid " + layout.charset().name()
                            + " (is the file in another encoding?)");
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": read failed at line " + (lineNo + 1), e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
