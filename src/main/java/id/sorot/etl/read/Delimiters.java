package id.sorot.etl.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Guesses the delimiter of a text table from its file name and first lines. */
final class Delimiters {

    private Delimiters() {}

    /**
     * Tab for .tsv; otherwise the delimiter that splits the most lines into the same number of
     * cells. Consistency, not count, decides: with ';' as the delimiter, English-style numbers such
     * as 229,444,689,696.00 give a varying number of ',' splits per line.
     */
    static char guess(String name, String head) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tsv") || lower.endsWith(".tab")) {
            return '\t';
        }
        char best = lower.endsWith(".csv") ? ',' : '\t';
        int bestScore = 0;
        String[] lines = head.split("\r?\n");
        for (char d : new char[] {'\t', ';', ','}) {
            Map<Integer, Integer> widths = new HashMap<>();
            int counted = 0;
            for (String line : lines) {
                if (line.isBlank()) continue;
                if (++counted > 60) break;
                int cells = split(line, d).size();
                if (cells > 1) widths.merge(cells, 1, Integer::sum);
            }
            int score =
                    widths.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (score > bestScore) {
                bestScore = score;
                best = d;
            }
        }
        return best;
    }

    private static List<String> split(String line, char d) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == d && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }
}
