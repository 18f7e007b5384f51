package adapters.settlementfiles;

import adapters.settlementfiles.ProviderLayout.FileSpec;
import adapters.settlementfiles.ProviderLayout.FixedWidth;
import adapters.settlementfiles.ProviderLayout.Slice;
import application.reconciliation.port.out.StatementSource.StatementFile;
import application.reconciliation.port.out.StatementSource.StatementUnavailableException;
import domain.reconciliation.LineError;
import domain.reconciliation.StatementLine;
import domain.shared.InvalidValueException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A fixed-width file (KSNET, Welcome offline): a header record, data records, a trailer record,
 * each exactly {@link FixedWidth#recordBytes()} bytes in the layout's charset. Fields are byte
 * slices. A bad data record is a {@link LineError} and reading goes on; the file as a whole is
 * unusable ({@link StatementUnavailableException}, the step fails) when it is not in its charset,
 * has no header or no trailer (truncated), or its trailer's count or sums disagree with its records.
 */
final class FixedWidthStatementFile implements StatementFile {
    private static final int BUFFER = 1 << 16;

    private final String name;
    private final InputStream in;
    private final ProviderLayout layout;
    private final FileSpec spec;
    private final FixedWidth format;
    private final CharsetDecoder decoder;
    private final CharBuffer decoded;
    private final byte[] buffer = new byte[BUFFER];
    private int bufferPos;
    private int bufferEnd;
    private byte[] line = new byte[256];
    private int lineLength;
    private long lineNo;

    FixedWidthStatementFile(String name, InputStream in, ProviderLayout layout, FileSpec spec) {
        this.name = name;
        this.in = in;
        this.layout = layout;
        this.spec = spec;
        this.format = (FixedWidth) spec.format();
        this.decoder = layout.charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.decoded = CharBuffer.allocate(format.recordBytes() * 2 + 16);
        readHeader();
    }

    @Override
    public String name() {
        return name;
    }

    private void readHeader() {
        if (!nextLine()) {
            throw unusable("the file is empty (no header record)");
        }
        checkEncoding();
        if (lineLength != format.recordBytes()) {
            throw unusable("the header record is " + lineLength + " bytes, the " + layout.name() + " layout has "
                    + format.recordBytes() + " (another layout, or another encoding than "
                    + layout.charset().name()
                    + "?)");
        }
        String type = ascii(format.type());
        if (!type.equals(format.headerType())) {
            throw unusable(
                    "line 1 is not a header record (type '" + type + "', expected '" + format.headerType() + "')");
        }
    }

    @Override
    public void read(Consumer<StatementLine> lines, Consumer<LineError> errors) {
        long records = 0;
        Map<Field, Long> sums = new EnumMap<>(Field.class);
        for (Field field : format.trailerSums().keySet()) {
            sums.put(field, 0L);
        }
        while (nextLine()) {
            if (isBlank()) {
                continue;
            }
            checkEncoding();
            String type = lineLength > format.type().from() ? asciiClipped(format.type()) : "";
            if (type.equals(format.trailerType()) && lineLength == format.recordBytes()) {
                checkTrailer(records, sums);
                while (nextLine()) {
                    if (!isBlank()) {
                        throw unusable("line " + lineNo + " follows the trailer record");
                    }
                }
                return;
            }
            if (!type.equals(format.dataType())) {
                errors.accept(new LineError(
                        lineNo,
                        "unknown record type '" + type + "' (expected '" + format.dataType() + "' or the trailer '"
                                + format.trailerType() + "')"));
                continue;
            }
            records++;
            if (lineLength != format.recordBytes()) {
                errors.accept(new LineError(
                        lineNo, "the record is " + lineLength + " bytes, expected " + format.recordBytes()));
                continue;
            }
            for (Map.Entry<Field, Long> sum : sums.entrySet()) {
                try {
                    sum.setValue(sum.getValue()
                            + Long.parseLong(ascii(format.columns().get(sum.getKey()))));
                } catch (NumberFormatException notANumber) {
                    // reported below as the record's error; the trailer check will then disagree
                }
            }
            try {
                lines.accept(parse());
            } catch (IllegalArgumentException | InvalidValueException e) {
                errors.accept(new LineError(lineNo, e.getMessage()));
            }
        }
        throw unusable("truncated: no trailer record ('" + format.trailerType() + "') after line " + lineNo + " ("
                + records + " data records read)");
    }

    private void checkTrailer(long records, Map<Field, Long> sums) {
        StringBuilder disagreements = new StringBuilder();
        long count = trailerNumber("record count", format.trailerCount());
        if (count != records) {
            disagreements
                    .append("record count ")
                    .append(count)
                    .append(" ≠ ")
                    .append(records)
                    .append(" in the file");
        }
        for (Map.Entry<Field, Slice> sum : format.trailerSums().entrySet()) {
            long stated = trailerNumber("sum of " + sum.getKey(), sum.getValue());
            long actual = sums.get(sum.getKey());
            if (stated != actual) {
                if (!disagreements.isEmpty()) {
                    disagreements.append("; ");
                }
                disagreements
                        .append("sum of ")
                        .append(label(sum.getKey()))
                        .append(' ')
                        .append(stated)
                        .append(" ≠ ")
                        .append(actual)
                        .append(" in the file");
            }
        }
        if (!disagreements.isEmpty()) {
            throw unusable("the trailer (line " + lineNo + ") disagrees with the records: " + disagreements
                    + "; the file is incomplete or altered, nothing of it was used");
        }
    }

    private long trailerNumber(String what, Slice slice) {
        String cell = ascii(slice);
        try {
            return Long.parseLong(cell);
        } catch (NumberFormatException e) {
            throw unusable("the trailer's " + what + " '" + cell + "' (line " + lineNo + ") is not a number");
        }
    }

    private StatementLine parse() {
        String key = text(format.columns().get(Field.PAYMENT_KEY));
        long amount = won(Field.AMOUNT);
        if (spec.fixedStatus() == null) {
            return StatementLine.payment(
                    lineNo, key, Cells.status(layout, ascii(format.columns().get(Field.STATUS))), amount);
        }
        return StatementLine.settlement(
                lineNo,
                key,
                amount,
                won(Field.FEE),
                won(Field.NET),
                Cells.date(
                        layout,
                        label(Field.SETTLEMENT_DATE),
                        ascii(format.columns().get(Field.SETTLEMENT_DATE))));
    }

    private long won(Field field) {
        return Cells.won(label(field), ascii(format.columns().get(field)));
    }

    private String label(Field field) {
        Slice slice = format.columns().get(field);
        return field.name().toLowerCase(java.util.Locale.ROOT) + " (bytes " + (slice.from() + 1) + "-"
                + (slice.from() + slice.length()) + ")";
    }

    /** A slice holding ASCII (numbers, codes, dates), trimmed of padding. */
    private String ascii(Slice slice) {
        return new String(line, slice.from(), slice.length(), StandardCharsets.ISO_8859_1).trim();
    }

    private String asciiClipped(Slice slice) {
        int length = Math.min(slice.length(), lineLength - slice.from());
        return new String(line, slice.from(), length, StandardCharsets.ISO_8859_1).trim();
    }

    /** A slice in the layout's charset, trimmed of padding. */
    private String text(Slice slice) {
        return new String(line, slice.from(), slice.length(), layout.charset()).trim();
    }

    private void checkEncoding() {
        decoder.reset();
        decoded.clear();
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, lineLength);
        if (decoder.decode(bytes, decoded, true).isError()
                || decoder.flush(decoded).isError()) {
            throw unusable(
                    "line " + lineNo + " is not valid " + layout.charset().name() + " (byte " + (bytes.position() + 1)
                            + "; is the file in another encoding?)");
        }
    }

    private boolean isBlank() {
        for (int i = 0; i < lineLength; i++) {
            if (line[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** The next line's bytes into {@link #line} (without CR/LF); false at the end of the file. */
    private boolean nextLine() {
        lineLength = 0;
        boolean any = false;
        try {
            while (true) {
                if (bufferPos == bufferEnd) {
                    bufferEnd = in.read(buffer, 0, BUFFER);
                    bufferPos = 0;
                    if (bufferEnd <= 0) {
                        bufferEnd = 0;
                        break;
                    }
                }
                any = true;
                byte b = buffer[bufferPos++];
                if (b == '\n') {
                    break;
                }
                if (lineLength == line.length) {
                    if (line.length > 1 << 20) {
                        throw unusable(
                                "line " + (lineNo + 1) + " is longer than 1 MiB: not a " + layout.name() + " file");
                    }
                    line = java.util.Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": read failed at line " + (lineNo + 1), e);
        }
        if (!any) {
            return false;
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        lineNo++;
        return true;
    }

    private StatementUnavailableException unusable(String reason) {
        return new StatementUnavailableException(name, reason);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
