package id.sorot.etl.read;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Something wrong with an input: which file, row and column, the raw value, and a message key with
 * its arguments (rendered in the reader's language, Bahasa Indonesia by default).
 *
 * @param row 1-based line (or spreadsheet row) in the file; null for the file as a whole
 * @param column 1-based column; null when the problem is not about one cell
 */
public record Problem(
        String file, Integer row, Integer column, String field, String raw, String code, List<Object> args) {

    public static Problem of(String file, String code, Object... args) {
        return new Problem(file, null, null, null, null, code, Arrays.asList(args));
    }

    public static Problem at(String file, int row, String code, Object... args) {
        return new Problem(file, row, null, null, null, code, Arrays.asList(args));
    }

    public static Problem cell(
            String file, int row, int column, String field, String raw, String code, Object... args) {
        return new Problem(file, row, column < 0 ? null : column + 1, field, raw, code, Arrays.asList(args));
    }

    /** The problem as one line a clerk can act on: where, what value, what is wrong. */
    public String render(MessageSource messages, Locale locale) {
        String what = messages.getMessage(code, args.toArray(), code + " " + args, locale);
        StringBuilder where = new StringBuilder(file);
        if (row != null) {
            where.append(", ").append(messages.getMessage("etl.where.row", new Object[] {row}, locale));
        }
        if (column != null) {
            where.append(", ")
                    .append(messages.getMessage(
                            "etl.where.column",
                            // specs count columns from 0, people from 1: say both
                            new Object[] {column, field == null ? "" : field, column - 1},
                            locale));
        }
        if (raw != null) {
            where.append(", ").append(messages.getMessage("etl.where.value", new Object[] {raw}, locale));
        }
        return where + ": " + what;
    }
}
