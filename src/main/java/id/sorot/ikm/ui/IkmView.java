package id.sorot.ikm.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import id.sorot.base.SorotProperties;
import id.sorot.base.ui.Badge;
import id.sorot.base.ui.DataGrid;
import id.sorot.base.ui.DataGrid.Kind;
import id.sorot.base.ui.Formats;
import id.sorot.base.ui.Panel;
import id.sorot.base.ui.ProfileLinks;
import id.sorot.base.ui.Tile;
import id.sorot.base.ui.UrlState;
import id.sorot.chart.EChart;
import id.sorot.dashboard.Dashboard;
import id.sorot.ikm.IkmService;
import id.sorot.opd.OpdService;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All service units' IKM compared: sorted bars over the PermenPANRB 14/2017 mutu bands, the mean
 * Sorot computes against the average the source reports, groups by kelompok or parent OPD, and the
 * units whose reported mutu disagrees with their value. {@code ?tahun=2024&kelompok=puskesmas&urut=opd}.
 */
@PermitAll
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
        chart.setOption(IkmCharts.units(ordered, c, o, ikm.bands(), this::getTranslation));
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

    private String groupLabel(IkmService.Unit u, String order) {
        return IkmCharts.groupLabel(u, order, this::getTranslation);
    }
}
