package id.sorot.etl.read;

/**
 * Reads numbers the way Indonesian tables print them: {@code 1.900.232.696.622}, {@code 88,05},
 * {@code -0,98}, {@code (0,75)}, {@code 49.59%}, and English-style {@code 229,444,689,696.00} in the
 * same file. Values come back in hundredths (two decimals, half up) so money and percentages stay exact.
 *
 * <p>A lone separator is ambiguous: {@code 1.900} is nineteen hundred in a money column but
 * {@code 82.64} is a decimal in a score column, so the caller says which kind of column it reads.
 */
public final class IdNumbers {

    /** Returned for an empty cell, or a dash where the job says a dash means missing. */
    public static final long MISSING = Long.MIN_VALUE;

    /** Why a text is not a number; the message key of the problem. */
    public static final class NotANumber extends Exception {
        public final String code;
        public final Object[] args;

        public NotANumber(String code, Object... args) {
            super(code, null, false, false);
            this.code = code;
            this.args = args;
        }
    }

    private IdNumbers() {}

    public static long parseHundredths(String raw, boolean money, boolean dashIsZero) throws NotANumber {
        return raw == null ? MISSING : parseHundredths(raw, 0, raw.length(), money, dashIsZero);
    }

    /** The same, for the characters [from, to) of {@code raw}, without copying them out. */
    static long parseHundredths(String raw, int from, int to, boolean money, boolean dashIsZero) throws NotANumber {
        if (to > from) {
            long fast = plain(raw, from, to, money);
            if (fast != UNUSUAL) return fast;
        }
        int start = from;
        int end = to;
        while (start < end && isSpace(raw.charAt(start))) start++;
        while (end > start && isSpace(raw.charAt(end - 1))) end--;
        if (end - start >= 2
                && (raw.charAt(start) == 'R' || raw.charAt(start) == 'r')
                && (raw.charAt(start + 1) == 'p' || raw.charAt(start + 1) == 'P')) {
            start += 2;
            if (start < end && raw.charAt(start) == '.') start++;
            while (start < end && isSpace(raw.charAt(start))) start++;
        }
        if (end > start && raw.charAt(end - 1) == '%') {
            end--;
            while (end > start && isSpace(raw.charAt(end - 1))) end--;
        }
        if (start == end) {
            return MISSING;
        }
        char first = raw.charAt(start);
        if (end - start == 1 && (first == '-' || first == '\u2013' || first == '\u2014')) {
            return dashIsZero ? 0 : MISSING;
        }
        boolean negative = false;
        if (first == '(' && raw.charAt(end - 1) == ')') {
            negative = true;
            start++;
            end--;
        } else if (first == '-' || first == '\u2212') {
            negative = true;
            start++;
        }
        while (start < end && isSpace(raw.charAt(start))) start++;
        if (start == end) {
            throw new NotANumber("etl.error.not_a_number");
        }
        int dots = 0;
        int commas = 0;
        int lastDot = -1;
        int lastComma = -1;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '.') {
                dots++;
                lastDot = i;
            } else if (c == ',') {
                commas++;
                lastComma = i;
            } else if (c < '0' || c > '9') {
                throw new NotANumber("etl.error.not_a_number");
            }
        }
        if (raw.charAt(start) < '0' || raw.charAt(start) > '9') {
            throw new NotANumber("etl.error.not_a_number");
        }
        int decimalAt = -1;
        char thousands = 0;
        if (dots > 0 && commas > 0) {
            decimalAt = Math.max(lastDot, lastComma);
            char dec = raw.charAt(decimalAt);
            if ((dec == '.' ? dots : commas) != 1) {
                throw new NotANumber("etl.error.number_separators");
            }
            thousands = dec == '.' ? ',' : '.';
        } else if (commas > 0) {
            if (commas == 1) {
                decimalAt = lastComma;
            } else {
                thousands = ',';
            }
        } else if (dots > 0) {
            if (dots > 1) {
                thousands = '.';
            } else if (money && end - lastDot - 1 == 3) {
                thousands = '.';
            } else {
                decimalAt = lastDot;
            }
        }
        int intEnd = decimalAt < 0 ? end : decimalAt;
        long whole = 0;
        int group = 0;
        int groups = 0;
        int digits = 0;
        for (int i = start; i < intEnd; i++) {
            char c = raw.charAt(i);
            if (c == thousands) {
                if ((groups == 0 && (group == 0 || group > 3)) || (groups > 0 && group != 3)) {
                    throw new NotANumber("etl.error.number_grouping");
                }
                groups++;
                group = 0;
                continue;
            }
            if (c < '0' || c > '9') {
                throw new NotANumber("etl.error.number_separators");
            }
            whole = whole * 10 + (c - '0');
            group++;
            if (++digits > 16) {
                throw new NotANumber("etl.error.number_too_large");
            }
        }
        if (groups > 0 && group != 3) {
            throw new NotANumber("etl.error.number_grouping");
        }
        long fraction = 0;
        if (decimalAt >= 0) {
            int fd = 0;
            int roundDigit = 0;
            for (int i = decimalAt + 1; i < end; i++) {
                char c = raw.charAt(i);
                if (c < '0' || c > '9') {
                    throw new NotANumber("etl.error.number_separators");
                }
                if (fd < 2) {
                    fraction = fraction * 10 + (c - '0');
                } else if (fd == 2) {
                    roundDigit = c - '0';
                }
                fd++;
            }
            if (fd == 0) {
                throw new NotANumber("etl.error.not_a_number");
            }
            if (fd == 1) {
                fraction *= 10;
            }
            if (roundDigit >= 5) {
                fraction++;
            }
        }
        long value = whole * 100 + fraction;
        return negative ? -value : value;
    }

    private static final long UNUSUAL = Long.MIN_VALUE + 1;

    /**
     * One pass over the shapes that fill large files, {@code 1.234.567.890}, {@code 23,45},
     * {@code 1234}; anything else (signs, spaces, English commas, a lone dot) is left to the full
     * reading above, which gives the same value for these.
     */
    private static long plain(String s, int from, int to, boolean money) {
        long value = 0;
        int digits = 0;
        int group = 0;
        int dots = 0;
        int i = from;
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
                group++;
            } else if (c == '.') {
                if (dots == 0 ? group == 0 || group > 3 : group != 3) return UNUSUAL;
                dots++;
                group = 0;
            } else if (c == ',') {
                break;
            } else {
                return UNUSUAL;
            }
        }
        if (digits == 0 || digits > 16 || (dots > 0 && group != 3) || (dots == 1 && !money)) return UNUSUAL;
        long fraction = 0;
        if (i < to) {
            int fd = to - i - 1;
            if (fd < 1 || fd > 2) return UNUSUAL;
            for (int k = i + 1; k < to; k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') return UNUSUAL;
                fraction = fraction * 10 + (c - '0');
            }
            if (fd == 1) fraction *= 10;
        }
        return value * 100 + fraction;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F';
    }

    /** Formats hundredths for messages in Indonesian style: 7.533.144.934.916 or 85,95. */
    public static String format(long hundredths) {
        boolean negative = hundredths < 0;
        long abs = Math.abs(hundredths);
        long whole = abs / 100;
        long frac = abs % 100;
        String w = String.format(java.util.Locale.ROOT, "%,d", whole).replace(',', '.');
        return (negative ? "-" : "") + w + (frac == 0 ? "" : "," + String.format("%02d", frac));
    }
}
