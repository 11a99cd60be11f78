package id.sorot.export;

import java.util.List;

/**
 * A meeting pack: a title page (pemda, subject, year, date) and one chart or table per page, each
 * with its title, context line (year and filters) and source. Texts arrive already in the UI
 * language; {@code continued} and {@code pageOf} ("Halaman %d dari %d") label split tables and pages.
 */
public record Pack(
        String pemda,
        String subject,
        String period,
        String date,
        String exportedAt,
        String continued,
        String pageOf,
        List<Page> pages) {

    public Pack {
        pages = List.copyOf(pages);
    }

    public sealed interface Page permits Chart, Grid {
        String title();
    }

    /** A chart as the user saw it, rendered by the browser as PNG at twice its pixel density. */
    public record Chart(String title, String context, String source, byte[] png) implements Page {}

    public record Grid(Table table) implements Page {
        @Override
        public String title() {
            return table.title();
        }
    }
}
