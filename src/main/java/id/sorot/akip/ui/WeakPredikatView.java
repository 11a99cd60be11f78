package id.sorot.akip.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import id.sorot.akip.AkipService;
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
import id.sorot.opd.OpdService;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;

/**
 * For the Bagian Organisasi: the OPDs at predikat B or below, or fallen against last year, the
 * furthest fall first, each a click away from its profile.
 */
@PermitAll
@Route("akip/lemah")
class WeakPredikatView extends Dashboard {

    private final AkipService akip;
    private final OpdService opds;
    private final Select<Integer> year = new Select<>();
    private Integer tahun;

    WeakPredikatView(AkipService akip, OpdService opds, SorotProperties properties) {
        super("akip-weak", properties.pemda());
        this.akip = akip;
        this.opds = opds;
        filter(year, "weak-year", "filter.year", v -> navigate(UrlState.of("tahun", v, "pemda", pemdaParam())));
        controls(year);
    }

    @Override
    protected void show(QueryParameters params, BeforeEnterEvent event) {
        String pemdaName = opds.directory().pemdaName(pemda());
        tahun = yearShown(params, year, akip.years(pemda()), pemdaName, "weak.title", "akip.empty");
        if (tahun == null) return;
        List<AkipService.Weak> weak = akip.weak(pemda(), tahun);
        heading(getTranslation("weak.title"), getTranslation("weak.subtitle", pemdaName, String.valueOf(tahun)));
        String context = pemdaName + ", " + tahun;

        content(Tile.row(
                Tile.of(
                        "weak-tile-low",
                        getTranslation("weak.tile.low"),
                        Formats.integer(
                                weak.stream().filter(AkipService.Weak::low).count()),
                        getTranslation("weak.tile.low.detail")),
                Tile.of(
                        "weak-tile-fell-predikat",
                        getTranslation("weak.tile.fellPredikat"),
                        Formats.integer(weak.stream()
                                .filter(AkipService.Weak::fellPredikat)
                                .count()),
                        getTranslation("weak.tile.fellPredikat.detail", String.valueOf(tahun - 1))),
                Tile.of(
                        "weak-tile-fell-nilai",
                        getTranslation("weak.tile.fellNilai"),
                        Formats.integer(weak.stream()
                                .filter(AkipService.Weak::fellNilai)
                                .count()),
                        getTranslation("weak.tile.fellNilai.detail", String.valueOf(tahun - 1)))));
        if (weak.isEmpty()) {
            Span none = new Span(getTranslation("weak.none"));
            none.setId("weak-none");
            content(none);
            return;
        }
        EChart chart = new EChart();
        chart.setId("weak-chart");
        chart.setHeight(Math.max(240, 70 + 26 * weak.size()) + "px");
        chart.setOption(AkipCharts.weak(weak, tahun, this::getTranslation));
        chart.addClickListener(e -> {
            if (e.id() != null) ProfileLinks.open(e.id(), tahun, pemdaParam());
        });
        Panel chartPanel = new Panel("weak-chart-panel")
                .heading(getTranslation("weak.chart.title", String.valueOf(tahun - 1), String.valueOf(tahun)), context)
                .source(getTranslation("akip.source"))
                .content(chart);

        DataGrid<AkipService.Weak> grid = new DataGrid<>("weak-grid");
        grid.column(
                        "opd",
                        getTranslation("akip.col.opd"),
                        Kind.TEXT,
                        w -> w.row().opd(),
                        w -> ProfileLinks.anchor(w.row().opdKode(), w.row().opd(), tahun, pemdaParam()))
                .setFlexGrow(1)
                .setTooltipGenerator(w -> w.row().opdNama());
        grid.column(
                "nilai_sebelumnya",
                getTranslation("weak.col.previous", String.valueOf(tahun - 1)),
                Kind.DECIMAL,
                w -> w.row().previous());
        grid.column(
                        "predikat_sebelumnya",
                        getTranslation("weak.col.previousPredikat"),
                        Kind.TEXT,
                        w -> w.row().previousPredikat(),
                        w -> Badge.predikat(w.row().previousPredikat()))
                .setFlexGrow(0);
        grid.column("nilai", getTranslation("weak.col.nilai", String.valueOf(tahun)), Kind.DECIMAL, w -> w.row()
                .nilai());
        grid.column(
                        "predikat",
                        getTranslation("akip.col.predikat"),
                        Kind.TEXT,
                        w -> w.row().predikat(),
                        w -> Badge.predikat(w.row().predikat()))
                .setFlexGrow(0);
        grid.column(
                "perubahan",
                getTranslation("akip.col.change"),
                Kind.SIGNED,
                w -> w.row().change(),
                w -> Badge.change(w.row().change()));
        grid.column("peringkat", getTranslation("akip.col.rank"), Kind.INTEGER, w -> w.row()
                .rank());
        grid.column("alasan", getTranslation("weak.col.reason"), Kind.TEXT, this::reasons)
                .setFlexGrow(0);
        grid.setRows(weak);
        Panel gridPanel = new Panel("weak-grid-panel")
                .heading(getTranslation("weak.grid.title", String.valueOf(tahun)), context)
                .source(getTranslation("akip.source"))
                .content(grid);
        content(gridPanel, chartPanel);
    }

    private String reasons(AkipService.Weak w) {
        List<String> r = new ArrayList<>();
        if (w.fellPredikat()) r.add(getTranslation("weak.reason.fellPredikat"));
        else if (w.fellNilai()) r.add(getTranslation("weak.reason.fellNilai"));
        if (w.low()) r.add(getTranslation("weak.reason.low"));
        return String.join("; ", r);
    }
}
