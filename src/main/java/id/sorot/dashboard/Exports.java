package id.sorot.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.sorot.base.ui.DataGrid;
import id.sorot.base.ui.Panel;
import id.sorot.base.ui.PublicPortal;
import id.sorot.chart.EChart;
import id.sorot.export.Table;
import id.sorot.export.TableFiles;
import java.io.ByteArrayInputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The export buttons of every panel: PNG and SVG for its chart (drawn in the browser), CSV and
 * XLSX for its grid (written here from the grid's own column definitions and rows).
 */
final class Exports {

    private Exports() {}

    static void decorate(Dashboard dashboard) {
        // the public portal's visitor gets the pictures; the rows only where the portal says so
        boolean tables = PublicPortal.tablesExportable();
        for (Panel panel : dashboard.panels()) {
            panel.actions().removeAll();
            chart(panel).ifPresent(chart -> {
                panel.actions().add(chartButton(dashboard, panel, chart, "png"));
                panel.actions().add(chartButton(dashboard, panel, chart, "svg"));
            });
            if (tables)
                grid(panel).ifPresent(grid -> {
                    panel.actions().add(tableLink(dashboard, panel, grid, "csv"));
                    panel.actions().add(tableLink(dashboard, panel, grid, "xlsx"));
                });
        }
    }

    static Optional<EChart> chart(Panel panel) {
        return first(panel.content(), EChart.class);
    }

    static Optional<DataGrid<?>> grid(Panel panel) {
        return first(panel.content(), DataGrid.class).map(g -> (DataGrid<?>) g);
    }

    private static <C> Optional<C> first(Component root, Class<C> type) {
        if (root == null) return Optional.empty();
        if (type.isInstance(root)) return Optional.of(type.cast(root));
        return root.getChildren()
                .map(c -> first(c, type))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Button chartButton(Dashboard dashboard, Panel panel, EChart chart, String type) {
        Button b = new Button(type.toUpperCase(Locale.ROOT));
        b.setId(panel.getId().orElse("panel") + "-" + type);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.addClassName("sorot-export");
        b.setTooltipText(dashboard.getTranslation("export.chart", type.toUpperCase(Locale.ROOT)));
        b.addClickListener(e -> chart.download(
                type,
                fileName(dashboard, panel, type),
                panel.title(),
                panel.subtitle(),
                panel.sourceText(),
                stamp(dashboard)));
        return b;
    }

    private static Anchor tableLink(Dashboard dashboard, Panel panel, DataGrid<?> grid, String type) {
        String name = fileName(dashboard, panel, type);
        // written when clicked, so the file carries the time it was taken
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            Table table = table(dashboard, panel, grid);
            byte[] bytes = type.equals("csv") ? TableFiles.csv(table) : TableFiles.xlsx(table);
            return new DownloadResponse(
                    new ByteArrayInputStream(bytes),
                    name,
                    type.equals("csv")
                            ? "text/csv; charset=UTF-8"
                            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    bytes.length);
        });
        Anchor a = new Anchor(handler, type.toUpperCase(Locale.ROOT));
        a.setId(panel.getId().orElse("panel") + "-" + type);
        a.addClassName("sorot-export");
        a.getElement().setAttribute("router-ignore", true);
        a.getElement().setAttribute("title", dashboard.getTranslation("export.table", type.toUpperCase(Locale.ROOT)));
        return a;
    }

    /** The grid as it is sorted on screen, with every exportable column. */
    static <T> Table table(Dashboard dashboard, Panel panel, DataGrid<T> grid) {
        List<T> rows = new ArrayList<>(grid.rows());
        var sorting = grid.getDataCommunicator().getInMemorySorting();
        if (sorting != null) rows.sort(sorting);
        List<Table.Column> columns = new ArrayList<>();
        for (DataGrid.Spec<T> spec : grid.specs()) columns.add(new Table.Column(spec.header(), format(spec.kind())));
        List<List<Object>> values = new ArrayList<>();
        List<List<String>> shown = new ArrayList<>();
        for (T row : rows) {
            List<Object> v = new ArrayList<>();
            List<String> s = new ArrayList<>();
            for (DataGrid.Spec<T> spec : grid.specs()) {
                Function<T, ?> get = spec.value();
                Object value = get.apply(row);
                String text = grid.shown(spec.key(), spec.kind(), value);
                // a figure the source could not give is said in words in the file too, not left blank
                v.add(value == null && grid.unavailableReason(spec.key()) != null ? text : value);
                s.add(text);
            }
            values.add(v);
            shown.add(s);
        }
        StringBuilder source = new StringBuilder(panel.sourceText() == null ? "" : panel.sourceText());
        for (DataGrid.Spec<T> spec : grid.specs()) {
            String why = grid.unavailableReason(spec.key());
            if (why == null) continue;
            if (!source.isEmpty()) source.append(" · ");
            source.append(dashboard.getTranslation("data.unavailable.note", spec.header(), why));
        }
        return new Table(panel.title(), panel.subtitle(), source.toString(), stamp(dashboard), columns, values, shown);
    }

    private static Table.Format format(DataGrid.Kind kind) {
        return switch (kind) {
            case TEXT -> Table.Format.TEXT;
            case INTEGER -> Table.Format.INTEGER;
            case DECIMAL, SIGNED -> Table.Format.DECIMAL;
            case PERCENT -> Table.Format.PERCENT;
            case RUPIAH -> Table.Format.RUPIAH;
        };
    }

    /** "Diekspor 22 November 2026 10.15 WIB", in the UI language. */
    static String stamp(Component c) {
        return c.getTranslation("export.at", when(c, "d MMMM yyyy HH.mm z"));
    }

    static String when(Component c, String pattern) {
        Locale locale = c.getUI().map(UI::getLocale).orElse(Locale.forLanguageTag("id-ID"));
        if (locale.getLanguage().equals("en")) pattern = pattern.replace("HH.mm", "HH:mm");
        return ZonedDateTime.now().format(DateTimeFormatter.ofPattern(pattern, locale));
    }

    /** sorot-akip-chart-2024.png: the panel and the year, so files from one meeting sort together. */
    static String fileName(Dashboard dashboard, Panel panel, String extension) {
        String id = panel.getId().orElse("panel").replaceFirst("-panel$", "");
        return "sorot-" + id + (dashboard.tahun() == null ? "" : "-" + dashboard.tahun()) + "." + extension;
    }
}
