package id.sorot.pohon.ui;

import static id.sorot.chart.Charts.area;
import static id.sorot.chart.Charts.item;
import static id.sorot.chart.Charts.map;
import static id.sorot.chart.Charts.namesAxis;
import static id.sorot.chart.Charts.percentAxis;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import id.sorot.base.SorotProperties;
import id.sorot.base.ui.DataGrid;
import id.sorot.base.ui.DataGrid.Kind;
import id.sorot.base.ui.Formats;
import id.sorot.base.ui.Panel;
import id.sorot.base.ui.Tile;
import id.sorot.base.ui.UrlState;
import id.sorot.chart.EChart;
import id.sorot.dashboard.Dashboard;
import id.sorot.opd.OpdService;
import id.sorot.pohon.PohonKinerjaService;
import id.sorot.pohon.PohonKinerjaService.OpdHealth;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For the Bagian Organisasi: whose cascade is weakest. Every OPD with a pohon kinerja for the year,
 * the weakest first, by the share of checks its tree passes (each node an indicator, each indicator
 * a target), each a click away from its tree. {@code /pohon-kinerja/kesehatan?tahun=2025}.
 */
@PermitAll
@Route("pohon-kinerja/kesehatan")
class PohonHealthView extends Dashboard {

    private static final String BAR = "#0072b2";

    private final PohonKinerjaService pohon;
    private final OpdService opds;
    private final Select<Integer> year = new Select<>();

    PohonHealthView(PohonKinerjaService pohon, OpdService opds, SorotProperties properties) {
        super("pohon-health-across", properties.pemda());
        this.pohon = pohon;
        this.opds = opds;
        filter(year, "pohon-health-year", "filter.year", v -> navigate(UrlState.of("tahun", v, "pemda", pemdaParam())));
        controls(year);
    }

    @Override
    protected void show(QueryParameters params, BeforeEnterEvent event) {
        String pemdaName = opds.directory().pemdaName(pemda());
        Integer tahun = yearShown(
                params, year, pohon.healthYears(pemda()), pemdaName, "pohon.across.title", "pohon.across.empty");
        if (tahun == null) return;
        List<OpdHealth> rows = pohon.healthAcross(pemda(), tahun);
        int all = opds.directory()
                .pemda(pemda())
                .map(p -> opds.directory().opdsOf(p.id()).size())
                .orElse(0);
        heading(
                getTranslation("pohon.across.title"),
                getTranslation("pohon.across.subtitle", pemdaName, String.valueOf(tahun), rows.size(), all));
        String context = pemdaName + ", " + tahun;
        double mean = rows.stream()
                .filter(r -> r.score() != null)
                .mapToDouble(OpdHealth::score)
                .average()
                .orElse(Double.NaN);
        OpdHealth weakest = rows.getFirst();
        content(Tile.row(
                Tile.of(
                        "pohon-across-tile-opds",
                        getTranslation("pohon.across.tile.opds"),
                        Formats.integer(rows.size()),
                        getTranslation("pohon.across.tile.opds.detail", all)),
                Tile.of(
                        "pohon-across-tile-mean",
                        getTranslation("pohon.across.tile.mean"),
                        Double.isNaN(mean) ? "–" : Formats.decimal(mean),
                        getTranslation("pohon.across.tile.mean.detail")),
                Tile.of(
                        "pohon-across-tile-weakest",
                        getTranslation("pohon.across.tile.weakest"),
                        weakest.singkatan(),
                        getTranslation(
                                "pohon.across.tile.weakest.detail",
                                weakest.score() == null ? "–" : Formats.decimal(weakest.score()),
                                weakest.problems()))));

        EChart chart = new EChart();
        chart.setId("pohon-across-chart");
        chart.setHeight(Math.max(220, 70 + 28 * rows.size()) + "px");
        chart.setOption(chart(rows));
        chart.addClickListener(e -> {
            if (e.id() != null) open(e.id(), tahun);
        });
        Panel chartPanel = new Panel("pohon-across-chart-panel")
                .heading(getTranslation("pohon.across.chart.title", String.valueOf(tahun)), context)
                .source(getTranslation("pohon.health.source"))
                .content(chart);

        DataGrid<OpdHealth> grid = new DataGrid<>("pohon-across-grid");
        grid.column("opd", getTranslation("akip.col.opd"), Kind.TEXT, OpdHealth::singkatan, h -> {
                    Anchor a = new Anchor(href(h.singkatan(), tahun), h.singkatan());
                    a.getElement().setAttribute("router-link", true);
                    a.addClassName("sorot-opd-link");
                    return a;
                })
                .setTooltipGenerator(OpdHealth::nama);
        grid.column("simpul", getTranslation("pohon.tile.nodes"), Kind.INTEGER, OpdHealth::nodes);
        grid.column("indikator", getTranslation("pohon.tile.indicators"), Kind.INTEGER, OpdHealth::indicators);
        grid.column(
                "tanpa_indikator",
                getTranslation("pohon.check.node_without_indicator"),
                Kind.INTEGER,
                OpdHealth::nodesWithoutIndicator);
        grid.column(
                "tanpa_target",
                getTranslation("pohon.check.indicator_without_target"),
                Kind.INTEGER,
                OpdHealth::indicatorsWithoutTarget);
        grid.column("skor", getTranslation("pohon.tile.health"), Kind.DECIMAL, OpdHealth::score);
        grid.setRows(rows);
        Panel gridPanel = new Panel("pohon-across-grid-panel")
                .heading(getTranslation("pohon.across.grid.title", String.valueOf(tahun)), context)
                .source(getTranslation("pohon.health.source"))
                .content(grid);
        content(gridPanel, chartPanel);
    }

    private String href(String singkatan, int tahun) {
        return "pohon-kinerja?"
                + UrlState.of("opd", singkatan, "tahun", tahun, "pemda", pemdaParam())
                        .getQueryString();
    }

    private void open(String singkatan, int tahun) {
        UI.getCurrent()
                .navigate(PohonKinerjaView.class, UrlState.of("opd", singkatan, "tahun", tahun, "pemda", pemdaParam()));
    }

    /** Horizontal bars of the score, the weakest on top, each bar naming its OPD for a click. */
    private Map<String, Object> chart(List<OpdHealth> rows) {
        List<String> names = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        for (OpdHealth h : rows) {
            names.add(h.singkatan());
            String tip = h.nama() + ": " + (h.score() == null ? "–" : Formats.decimal(h.score())) + " · "
                    + getTranslation("pohon.tile.health.detail", h.problems(), h.nodes() + h.indicators());
            data.add(item(h.score(), h.singkatan(), tip, map("color", BAR)));
        }
        Map<String, Object> yAxis = namesAxis(names);
        yAxis.put("inverse", true);
        return map(
                "grid",
                area(10, 40, 40, 10),
                "tooltip",
                map("trigger", "item"),
                "sorot",
                map("decimals", 2, "tips", true),
                "xAxis",
                percentAxis(0, getTranslation("pohon.tile.health"), 28),
                "yAxis",
                yAxis,
                "series",
                List.of(map(
                        "type",
                        "bar",
                        "data",
                        data,
                        "barMaxWidth",
                        18,
                        "label",
                        map("show", true, "position", "right"))));
    }
}
