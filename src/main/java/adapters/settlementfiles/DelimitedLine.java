package adapters.settlementfiles;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a delimited file (RFC 4180 quoting: a field in double quotes may hold the
 * delimiter, and {@code ""} is a quote). Records span one line: PG files have no line breaks in
 * fields. Unquoted lines, nearly all of them, take the fast path.
 */
final class DelimitedLine {
    private DelimitedLine() {}

    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>(8);
        if (line.indexOf('"') < 0) {
            int start = 0;
            int at;
            while ((at = line.indexOf(delimiter, start)) >= 0) {
                fields.add(line.substring(start, at).trim());
                start = at + 1;
            }
            fields.add(line.substring(start).trim());
            return fields;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == delimiter) {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        fields.add(field.toString().trim());
        return fields;
    }
}
