package id.sorot.ikm.ui;

import static id.sorot.chart.Charts.area;
import static id.sorot.chart.Charts.map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import id.sorot.base.SorotProperties;
import id.sorot.base.ui.Badge;
import id.sorot.base.ui.Dashboard;
import id.sorot.base.ui.DataGrid;
import id.sorot.base.ui.DataGrid.Kind;
import id.sorot.base.ui.Formats;
import id.sorot.base.ui.Panel;
import id.sorot.base.ui.Tile;
import id.sorot.base.ui.UrlState;
import id.sorot.chart.Charts;
import id.sorot.chart.EChart;
import id.sorot.chart.Palette;
import id.sorot.ikm.IkmService;
import id.sorot.opd.OpdService;
import id.sorot.profile.ProfileLinks;
import id.sorot.rules.BandSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * All service units' IKM compared: sorted bars over the PermenPANRB 14/2017 mutu bands, the mean
 * Sorot computes against the average the source reports, groups by kelompok or parent OPD, and the
 * units whose reported mutu disagrees with their value. {@code ?tahun=2024&kelompok=puskesmas&urut=opd}.
 */
@Route("ikm")
class IkmView extends Dashboard {

    private static final List<String> ORDERS = List.of("nilai", "kelompok", "opd");

    private final IkmService ikm;
    private final OpdService opds;
    private final Select<Integer> year = new Select<>();
    private final Select<String> kelompok = new Select<>();
    private final Select<String> order = new Select<>();
    private Integer tahun;

    IkmView(IkmService ikm, OpdService opds, SorotProperties properties) {
        super("ikm-view", properties.pemda());
        this.ikm = ikm;
        this.opds = opds;
        filter(year, "ikm-year", "filter.year", v -> navigate(state(v, kelompok.getValue(), order.getValue())));
        filter(kelompok, "ikm-kelompok", "ikm.kelompok", v -> navigate(state(tahun, v, order.getValue())));
        List<String> kelompokItems = new ArrayList<>();
        kelompokItems.add("semua");
        kelompokItems.addAll(IkmService.KELOMPOK);
        kelompok.setItems(kelompokItems);
        kelompok.setItemLabelGenerator(k -> getTranslation("kelompok." + k));
        filter(order, "ikm-order", "ikm.order", v -> navigate(state(tahun, kelompok.getValue(), v)));
        order.setItems(ORDERS);
        order.setItemLabelGenerator(o -> getTranslation("ikm.order." + o));
        controls(year, kelompok, order);
    }

    private QueryParameters state(Integer tahun, String kelompok, String order) {
        return UrlState.of(
                "tahun",
                tahun,
                "kelompok",
                "semua".equals(kelompok) ? null : kelompok,
                "urut",
                "nilai".equals(order) ? null : order,
                "pemda",
                pemdaParam());
    }

    @Override
    protected void show(QueryParameters params, BeforeEnterEvent event) {
        String pemdaName = opds.directory().pemdaName(pemda());
        tahun = yearShown(params, year, ikm.years(pemda()), pemdaName, "ikm.title", "ikm.empty");
        if (tahun == null) return;
        String k = UrlState.text(params, "kelompok")
                .filter(IkmService.KELOMPOK::contains)
                .orElse(null);
        String o = UrlState.text(params, "urut").filter(ORDERS::contains).orElse("nilai");
        kelompok.setValue(k == null ? "semua" : k);
        order.setValue(o);
        IkmService.Comparison c = ikm.compare(pemda(), tahun, k);
        String context = pemdaName + ", " + tahun + (k == null ? "" : " · " + getTranslation("kelompok." + k));
        heading(
                getTranslation("ikm.title"),
                getTranslation(
                                "ikm.subtitle",
                                pemdaName,
                                String.valueOf(tahun),
                                c.units().size())
                        + (k == null ? "" : " · " + getTranslation("kelompok." + k)));

        content(Tile.row(
                Tile.of(
                        "ikm-tile-mean",
                        getTranslation("ikm.tile.mean"),
                        Formats.decimal(c.mean()),
                        c.reportedMean() == null
                                ? getTranslation(
                                        "ikm.tile.mean.detail", c.units().size())
                                : getTranslation(
                                        "ikm.tile.mean.reported",
                                        c.units().size(),
                                        Formats.decimal(c.reportedMean()),
                                        Formats.signed(c.mean() - c.reportedMean()))),
                Tile.of(
                        "ikm-tile-a",
                        getTranslation("ikm.tile.a"),
                        Formats.integer(c.countA()),
                        getTranslation(
                                "ikm.tile.a.detail",
                                c.countA(),
                                c.units().size(),
                                Formats.decimal(ikm.bands().bands().getFirst().threshold()))),
                Tile.of(
                        "ikm-tile-range",
                        getTranslation("ikm.tile.range"),
                        c.units().isEmpty()
                                ? "–"
                                : Formats.decimal(c.units().getLast().nilai()) + " – "
                                        + Formats.decimal(c.units().getFirst().nilai()),
                        c.units().isEmpty()
                                ? ""
                                : c.units().getLast().unit() + " · "
                                        + c.units().getFirst().unit()),
                Tile.of(
                        "ikm-tile-disagree",
                        getTranslation("ikm.tile.disagree"),
                        Formats.integer(c.disagreeing().size()),
                        getTranslation("ikm.tile.disagree.detail"))));
        if (c.units().isEmpty()) return;

        List<IkmService.Unit> ordered = ordered(c, o);
        EChart chart = new EChart();
        chart.setId("ikm-chart");
        chart.setHeight(Math.max(300, 70 + 16 * ordered.size()) + "px");
        chart.setOption(option(ordered, c, o));
        chart.addClickListener(e -> {
            if (e.id() != null) ProfileLinks.open(e.id(), tahun, pemdaParam());
        });
        Panel chartPanel = new Panel("ikm-chart-panel")
                .heading(getTranslation("ikm.chart.title"), context + " · " + getTranslation("ikm.order." + o))
                .source(getTranslation("ikm.source"))
                .content(chart);

        DataGrid<IkmService.Group> groups = new DataGrid<>("ikm-group-grid");
        groups.column(
                        "kelompok",
                        getTranslation(o.equals("opd") ? "ikm.col.opd" : "ikm.kelompok"),
                        Kind.TEXT,
                        g -> o.equals("opd") ? g.key() : getTranslation("kelompok." + g.key()))
                .setFlexGrow(1);
        groups.column("jumlah", getTranslation("ikm.col.count"), Kind.INTEGER, IkmService.Group::count);
        groups.column("rata_rata", getTranslation("ikm.col.mean"), Kind.DECIMAL, IkmService.Group::mean);
        groups.column("terendah", getTranslation("ikm.col.min"), Kind.DECIMAL, IkmService.Group::min);
        groups.column("tertinggi", getTranslation("ikm.col.max"), Kind.DECIMAL, IkmService.Group::max);
        groups.setRows(o.equals("opd") ? c.byOpd() : c.byKelompok());
        Panel groupPanel = new Panel("ikm-group-panel")
                .heading(getTranslation(o.equals("opd") ? "ikm.groups.opd" : "ikm.groups.kelompok"), context)
                .source(getTranslation("ikm.source"))
                .content(groups);

        DataGrid<IkmService.Unit> disagree = unitGrid("ikm-disagree-grid", c.disagreeing());
        Panel disagreePanel = new Panel("ikm-disagree-panel")
                .heading(getTranslation("ikm.disagree.title", c.disagreeing().size()), context)
                .source(getTranslation("ikm.disagree.source"))
                .content(c.disagreeing().isEmpty() ? new Span(getTranslation("ikm.disagree.none")) : disagree);

        DataGrid<IkmService.Unit> all = unitGrid("ikm-grid", ordered);
        Panel allPanel = new Panel("ikm-grid-panel")
                .heading(getTranslation("ikm.grid.title"), context)
                .source(getTranslation("ikm.source"))
                .content(all);
        content(columns(chartPanel, new Div(groupPanel, disagreePanel, allPanel)));
    }

    private DataGrid<IkmService.Unit> unitGrid(String id, List<IkmService.Unit> units) {
        DataGrid<IkmService.Unit> grid = new DataGrid<>(id);
        grid.column("unit", getTranslation("ikm.col.unit"), Kind.TEXT, IkmService.Unit::unit)
                .setFlexGrow(1)
                .setTooltipGenerator(IkmService.Unit::unit);
        grid.column(
                        "opd",
                        getTranslation("ikm.col.opd"),
                        Kind.TEXT,
                        IkmService.Unit::opd,
                        u -> ProfileLinks.anchor(u.opdKode(), u.opd(), tahun, pemdaParam()))
                .setFlexGrow(0);
        grid.column("nilai", getTranslation("ikm.col.nilai"), Kind.DECIMAL, IkmService.Unit::nilai);
        grid.column("mutu", getTranslation("ikm.col.mutu"), Kind.TEXT, IkmService.Unit::mutu, u -> Badge.mutu(u.mutu()))
                .setFlexGrow(0);
        grid.column(
                        "mutu_dilaporkan",
                        getTranslation("ikm.col.reported"),
                        Kind.TEXT,
                        u -> u.mutuLabelDilaporkan() == null ? u.mutuDilaporkan() : u.mutuLabelDilaporkan())
                .setFlexGrow(0);
        grid.setRows(units);
        return grid;
    }

    private static List<IkmService.Unit> ordered(IkmService.Comparison c, String order) {
        List<IkmService.Unit> units = new ArrayList<>(c.units());
        Comparator<IkmService.Unit> byNilai =
                Comparator.comparing(IkmService.Unit::nilai, Comparator.nullsLast(Comparator.reverseOrder()));
        switch (order) {
            case "kelompok" ->
                units.sort(Comparator.comparing((IkmService.Unit u) -> IkmService.KELOMPOK.indexOf(u.kelompok()))
                        .thenComparing(byNilai));
            case "opd" -> {
                List<String> opdOrder =
                        c.byOpd().stream().map(IkmService.Group::key).toList();
                units.sort(Comparator.comparing((IkmService.Unit u) -> opdOrder.indexOf(u.opd()))
                        .thenComparing(byNilai));
            }
            default -> units.sort(byNilai);
        }
        return units;
    }

    /**
     * Horizontal bars, best on top, coloured by the mutu the rule gives; the four mutu bands shaded
     * behind them; lines for the computed mean and the reported average.
     */
    private Map<String, Object> option(List<IkmService.Unit> units, IkmService.Comparison c, String order) {
        List<IkmService.Unit> rows = new ArrayList<>(units);
        java.util.Collections.reverse(rows);
        BandSet bands = ikm.bands();
        List<Object> data = new ArrayList<>();
        for (IkmService.Unit u : rows) {
            String tip = u.unit() + "\n" + getTranslation("ikm.col.opd") + ": " + u.opd() + "\n" + "IKM "
                    + Formats.decimal(u.nilai()) + " · " + getTranslation("ikm.col.mutu") + " " + u.mutu() + "\n"
                    + getTranslation("ikm.col.reported") + ": "
                    + (u.mutuLabelDilaporkan() == null ? u.mutuDilaporkan() : u.mutuLabelDilaporkan());
            data.add(Charts.item(
                    u.nilai(), u.opdKode(), tip, map("color", Palette.MUTU.getOrDefault(u.mutu(), "#999"))));
        }
        List<Object> areas = new ArrayList<>();
        double upper = 100;
        for (BandSet.Band b : bands.bands()) {
            double lower = b.threshold() == null ? 25 : b.threshold();
            areas.add(List.of(
                    map(
                            "name",
                            b.label() + " " + (b.meaning() == null ? "" : b.meaning()),
                            "xAxis",
                            lower,
                            "itemStyle",
                            map("color", Palette.MUTU.get(b.label()), "opacity", 0.10),
                            "label",
                            map("position", "insideTop", "color", "#333", "fontSize", 11)),
                    map("xAxis", upper)));
            upper = lower;
        }
        List<Object> lines = new ArrayList<>();
        lines.add(map(
                "name", getTranslation("ikm.line.mean"),
                "xAxis", c.mean(),
                "lineStyle", map("color", "#000", "type", "solid", "width", 1.5),
                "label",
                        map(
                                "formatter",
                                getTranslation("ikm.line.mean") + " " + Formats.decimal(c.mean()),
                                "position",
                                "end")));
        if (c.reportedMean() != null) {
            lines.add(map(
                    "name", getTranslation("ikm.line.reported"),
                    "xAxis", c.reportedMean(),
                    "lineStyle", map("color", "#000", "type", "dashed", "width", 1.5),
                    "label",
                            map(
                                    "formatter",
                                    getTranslation("ikm.line.reported") + " " + Formats.decimal(c.reportedMean()),
                                    "position",
                                    "insideEndBottom")));
        }
        double min = units.stream()
                .map(IkmService.Unit::nilai)
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(60);
        List<String> names = rows.stream()
                .map(u -> order.equals("nilai") ? u.unit() : groupLabel(u, order) + " · " + u.unit())
                .toList();
        return map(
                "tooltip", map("trigger", "item"),
                "grid", area(30, 60, 30, 10),
                "xAxis",
                        map(
                                "type",
                                "value",
                                "min",
                                Math.max(25, Math.floor((min - 5) / 5) * 5),
                                "max",
                                100,
                                "name",
                                "IKM",
                                "nameLocation",
                                "middle",
                                "nameGap",
                                24),
                "yAxis",
                        map(
                                "type",
                                "category",
                                "data",
                                names,
                                "axisLabel",
                                map("interval", 0, "fontSize", 10, "width", 260, "overflow", "truncate")),
                "series",
                        List.of(map(
                                "type",
                                "bar",
                                "name",
                                "IKM",
                                "data",
                                data,
                                "barCategoryGap",
                                "25%",
                                "label",
                                map("show", true, "position", "right", "fontSize", 9),
                                "markArea",
                                map("silent", true, "data", areas),
                                "markLine",
                                map("silent", true, "symbol", "none", "data", lines))),
                "sorot", map("decimals", 2, "tips", true));
    }

    private String groupLabel(IkmService.Unit u, String order) {
        return order.equals("opd") ? u.opd() : getTranslation("kelompok." + u.kelompok());
    }
}
