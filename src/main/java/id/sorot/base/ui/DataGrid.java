package id.sorot.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.function.ValueProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A grid whose columns know what their values are (text, integer, decimal, percent, Rupiah), so
 * the same definition shows Indonesian numbers on screen and exports real numbers to CSV and XLSX.
 */
public class DataGrid<T> extends Grid<T> {

    /** What a column holds; decides its on-screen format, alignment and export format. */
    public enum Kind {
        TEXT,
        INTEGER,
        DECIMAL,
        SIGNED,
        PERCENT,
        RUPIAH;

        public String format(Object value) {
            if (value == null) return "–";
            if (this == TEXT || !(value instanceof Number n)) return String.valueOf(value);
            return switch (this) {
                case INTEGER -> Formats.integer(n);
                case DECIMAL -> Formats.decimal(n);
                case SIGNED -> Formats.signed(n);
                case PERCENT -> Formats.percent(n);
                case RUPIAH -> Formats.rupiah(n);
                case TEXT -> String.valueOf(n);
            };
        }
    }

    /** One column as exports see it: its header, kind and the raw value of a row. */
    public record Spec<T>(String key, String header, Kind kind, Function<T, ?> value) {}

    private final List<Spec<T>> specs = new ArrayList<>();
    private final java.util.Map<String, String> unavailable = new java.util.LinkedHashMap<>();
    private List<T> rows = List.of();

    public DataGrid(String id) {
        setId(id);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
    }

    /** A column shown as its formatted value. */
    public Column<T> column(String key, String header, Kind kind, Function<T, ?> value) {
        specs.add(new Spec<>(key, header, kind, value));
        return shape(addColumn(r -> shown(key, kind, value.apply(r))), key, header, kind, value);
    }

    /**
     * Says why a column has no value where it has none (the source lacks the field it is derived
     * from): its empty cells read "tidak tersedia" with the reason as their tooltip, and exports
     * write the words in the cell and the reason under the table, never a 0 or a bare dash.
     */
    public void unavailable(String key, String reason) {
        unavailable.put(key, reason);
        Column<T> c = getColumnByKey(key);
        Spec<T> spec =
                specs.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
        if (c != null && spec != null) c.setTooltipGenerator(r -> spec.value().apply(r) == null ? reason : null);
    }

    /** Why a column's empty cells are empty, or null when it was not said. */
    public String unavailableReason(String key) {
        return unavailable.get(key);
    }

    /** A cell as the screen shows it: formatted, or "tidak tersedia" when its column said why it is empty. */
    public String shown(String key, Kind kind, Object value) {
        if (value == null && unavailable.containsKey(key)) return getTranslation("data.unavailable");
        return kind.format(value);
    }

    /** A column drawn by a component (a badge, a link, a sparkline) that exports as {@code value}. */
    public Column<T> column(
            String key, String header, Kind kind, Function<T, ?> value, ValueProvider<T, ? extends Component> view) {
        specs.add(new Spec<>(key, header, kind, value));
        return shape(addComponentColumn(view), key, header, kind, value);
    }

    /**
     * Numbers right-aligned in a column as wide as their header or their usual length; text takes
     * the remaining width. Widths are set, not measured: measured widths ignore the sort arrow and
     * cut headers short.
     */
    private Column<T> shape(Column<T> c, String key, String header, Kind kind, Function<T, ?> value) {
        c.setKey(key).setHeader(header).setResizable(true).setSortable(true);
        c.setComparator((a, b) -> compare(value.apply(a), value.apply(b)));
        int chars = Math.max(
                header.length(),
                switch (kind) {
                    case TEXT -> 6;
                    case INTEGER -> 5;
                    case DECIMAL, SIGNED, PERCENT -> 8;
                    case RUPIAH -> 20;
                });
        c.setWidth(String.format(java.util.Locale.ROOT, "%.1frem", chars * 0.56 + 2.4));
        if (kind == Kind.TEXT) {
            c.setFlexGrow(1);
        } else {
            c.setTextAlign(ColumnTextAlign.END).setFlexGrow(0);
        }
        return c;
    }

    /** A column only seen on screen (a sparkline, an action), left out of exports. */
    public Column<T> screenOnly(String key, String header, ValueProvider<T, ? extends Component> view) {
        return addComponentColumn(view).setKey(key).setHeader(header);
    }

    public void setRows(List<T> rows) {
        this.rows = List.copyOf(rows);
        setItems(this.rows);
    }

    public List<T> rows() {
        return rows;
    }

    public List<Spec<T>> specs() {
        return List.copyOf(specs);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a == null) return b == null ? 0 : 1;
        if (b == null) return -1;
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        if (a instanceof Comparable ca && a.getClass().isInstance(b)) return ca.compareTo(b);
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
