package id.sorot.realisasi.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import id.sorot.base.Parallel;
import id.sorot.base.SorotProperties;
import id.sorot.base.ui.DataGrid;
import id.sorot.base.ui.DataGrid.Kind;
import id.sorot.base.ui.Formats;
import id.sorot.base.ui.Panel;
import id.sorot.base.ui.ProfileLinks;
import id.sorot.base.ui.Tile;
import id.sorot.base.ui.UrlState;
import id.sorot.chart.EChart;
import id.sorot.chart.SnapshotChart;
import id.sorot.chart.TriwulanChart;
import id.sorot.dashboard.Dashboard;
import id.sorot.opd.OpdService;
import id.sorot.realisasi.RealisasiService;
import id.sorot.realisasi.RealisasiService.Line;
import id.sorot.realisasi.RealisasiService.Status;
import id.sorot.realisasi.RealisasiService.Thresholds;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Realisasi per OPD against plan and against each other: diverging bars of deviasi coloured by the
 * early-warning thresholds, a scatter of keuangan against fisik sized by anggaran, the full table,
 * and the triwulan curves of an OPD or one of its sub kegiatan.
 * A year published several times (monthly, "per 30 November") shows its latest snapshot unless
 * {@code per} picks another, and the curve of realisasi over the snapshots.
 * {@code ?tahun=2024&per=2024-11-30&ukuran=fisik&merah=-10&kuning=-5&opd=4.01.01&sub=1.2.06.1}.
 */
@PermitAll
@Route("deviasi")
class DeviasiView extends Dashboard {

    private static final List<String> MEASURES = List.of("keuangan", "fisik", "keuangan_fisik");

    private final RealisasiService realisasi;
    private final OpdService opds;
    private final MissingInputs missing = new MissingInputs(this);
    private final Select<Integer> year = new Select<>();
    private final Select<String> measure = new Select<>();
    private final Select<LocalDate> snapshot = new Select<>();
    /** The snapshot shown, and the year's latest (the default, left out of the URL). */
    private LocalDate perTanggal;

    private LocalDate latest;
    private final NumberField merah = new NumberField();
    private final NumberField kuning = new NumberField();
    private Integer tahun;
    private Thresholds thresholds;
    private String curveOpd;
    private String curveSub;

    DeviasiView(RealisasiService realisasi, OpdService opds, SorotProperties properties) {
        super("deviasi-view", properties.pemda());
        this.realisasi = realisasi;
        this.opds = opds;
        filter(
                year,
                "deviasi-year",
                "filter.year",
                v -> navigate(state(v, measure.getValue(), thresholds, null, null)));
        filter(
                measure,
                "deviasi-measure",
                "deviasi.measure",
                v -> navigate(state(tahun, v, thresholds, curveOpd, curveSub)));
        filter(snapshot, "deviasi-snapshot", "deviasi.snapshot", v -> {
            perTanggal = v;
            navigate(state(tahun, measure.getValue(), thresholds, curveOpd, curveSub));
        });
        snapshot.setItemLabelGenerator(d -> SnapshotChart.label(d, getLocale()));
        snapshot.setVisible(false);
        measure.setWidth("24rem");
        measure.setItems(MEASURES);
        measure.setItemLabelGenerator(m -> getTranslation("deviasi.measure." + m));
        for (NumberField f : List.of(merah, kuning)) {
            f.setStep(0.5);
            f.setWidth("8em");
            f.setSuffixComponent(new Span("%"));
        }
        filter(merah, "deviasi-merah", "deviasi.threshold.merah", v -> thresholdPicked(merah));
        filter(kuning, "deviasi-kuning", "deviasi.threshold.kuning", v -> thresholdPicked(kuning));
        controls(year, snapshot, measure, merah, kuning);
    }

    /** A threshold a user typed: refused on its field when red would lie above yellow, else shown. */
    private void thresholdPicked(NumberField f) {
        if (merah.getValue() == null || kuning.getValue() == null) return;
        if (merah.getValue() > kuning.getValue()) {
            f.setInvalid(true);
            f.setErrorMessage(getTranslation("deviasi.threshold.order"));
            return;
        }
        navigate(state(
                tahun, measure.getValue(), new Thresholds(merah.getValue(), kuning.getValue()), curveOpd, curveSub));
    }

    private QueryParameters state(Integer tahun, String measure, Thresholds t, String opd, String sub) {
        Thresholds d = realisasi.thresholds(pemda());
        boolean sameYear = tahun != null && tahun.equals(this.tahun);
        return UrlState.of(
                "tahun",
                tahun,
                "per",
                sameYear && perTanggal != null && !perTanggal.equals(latest) ? perTanggal.toString() : null,
                "ukuran",
                "keuangan".equals(measure) ? null : measure,
                "merah",
                t == null || t.merah() == d.merah() ? null : t.merah(),
                "kuning",
                t == null || t.kuning() == d.kuning() ? null : t.kuning(),
                "opd",
                opd,
                "sub",
                sub,
                "pemda",
                pemdaParam());
    }

    @Override
    protected void show(QueryParameters params, BeforeEnterEvent event) {
        String pemdaName = opds.directory().pemdaName(pemda());
        tahun = yearShown(params, year, realisasi.years(pemda()), pemdaName, "deviasi.title", "deviasi.empty");
        if (tahun == null) return;
        String m = UrlState.text(params, "ukuran").filter(MEASURES::contains).orElse("keuangan");
        measure.setValue(m);
        Thresholds d = realisasi.thresholds(pemda());
        double r = UrlState.decimal(params, "merah").orElse(d.merah());
        double k = UrlState.decimal(params, "kuning").orElse(d.kuning());
        thresholds = r <= k ? new Thresholds(r, k) : d;
        merah.setValue(thresholds.merah());
        kuning.setValue(thresholds.kuning());
        curveOpd = UrlState.text(params, "opd").orElse(null);
        curveSub = UrlState.text(params, "sub").orElse(null);

        String p = pemda();
        int y = tahun;
        var withPlan = Parallel.async(() -> realisasi.opdsWithTriwulan(p, y));
        LocalDate asked = UrlState.text(params, "per")
                .map(s -> {
                    try {
                        return LocalDate.parse(s);
                    } catch (java.time.format.DateTimeParseException e) {
                        return null;
                    }
                })
                .orElse(null);
        RealisasiService.Deviasi dev = realisasi.deviasi(pemda(), tahun, RealisasiService.YEAR, asked);
        perTanggal = dev.perTanggal();
        latest = dev.snapshots().isEmpty() ? null : dev.snapshots().getFirst();
        snapshot.setItems(dev.snapshots());
        snapshot.setVisible(dev.snapshots().size() > 1);
        if (perTanggal != null) snapshot.setValue(perTanggal);
        Function<Line, Double> value = value(m);
        String asOf = perTanggal == null
                ? ""
                : " " + getTranslation("deviasi.per", SnapshotChart.label(perTanggal, getLocale()));
        String context = pemdaName + ", " + tahun + asOf + " · " + getTranslation("deviasi.measure." + m) + " · "
                + getTranslation(
                        "deviasi.thresholds", Formats.signed(thresholds.merah()), Formats.signed(thresholds.kuning()));
        heading(
                getTranslation("deviasi.title"),
                getTranslation(
                        "deviasi.subtitle",
                        pemdaName,
                        String.valueOf(tahun),
                        dev.rows().size()));

        content(tiles(dev, value));
        if (dev.rows().isEmpty()) return;

        List<Line> sorted = new ArrayList<>(dev.rows());
        sorted.sort(Comparator.comparing(value, Comparator.nullsLast(Comparator.naturalOrder())));
        Panel barsPanel = new Panel("deviasi-chart-panel")
                .heading(getTranslation("deviasi.chart.title", getTranslation("deviasi.measure." + m)), context)
                .source(getTranslation("deviasi.source"));
        String noBars = sorted.stream().allMatch(l -> value.apply(l) == null) ? missing.why(m, sorted) : null;
        if (noBars != null) {
            // a source without rencana has no deviasi: say so instead of drawing an empty axis
            Span none =
                    new Span(getTranslation("data.unavailable.chart", getTranslation("deviasi.measure." + m), noBars));
            none.setId("deviasi-chart-unavailable");
            none.addClassName("sorot-note");
            barsPanel.content(none);
        } else {
            EChart bars = new EChart();
            bars.setId("deviasi-chart");
            bars.setHeight(Math.max(300, 70 + 19 * sorted.size()) + "px");
            bars.setOption(DeviasiCharts.bars(sorted, value, m, thresholds, this::getTranslation));
            bars.addClickListener(e -> {
                if (e.id() != null) ProfileLinks.open(e.id(), tahun, pemdaParam());
            });
            barsPanel.content(bars);
        }

        EChart scatter = new EChart();
        scatter.setId("deviasi-scatter");
        scatter.setHeight("460px");
        scatter.setOption(DeviasiCharts.scatter(dev.rows(), thresholds, this::getTranslation));
        scatter.addClickListener(e -> {
            if (e.id() != null) ProfileLinks.open(e.id(), tahun, pemdaParam());
        });
        Panel scatterPanel = new Panel("deviasi-scatter-panel")
                .heading(getTranslation("deviasi.scatter.title"), pemdaName + ", " + tahun)
                .source(getTranslation("deviasi.source"))
                .content(scatter);

        Panel gridPanel = new Panel("deviasi-grid-panel")
                .heading(getTranslation("deviasi.grid.title"), context)
                .source(getTranslation("deviasi.source"))
                .content(grid(sorted, value));

        content(columns(barsPanel, new Div(scatterPanel, curvePanel(pemdaName, withPlan.join()))), gridPanel);
        if (dev.snapshots().size() > 1) {
            content(SnapshotPanel.of(
                    this,
                    realisasi,
                    pemdaName,
                    dev,
                    curveOpd,
                    kode -> navigate(state(tahun, measure.getValue(), thresholds, kode, null))));
        }
    }

    private static Function<Line, Double> value(String measure) {
        return switch (measure) {
            case "fisik" -> Line::deviasiFisik;
            case "keuangan_fisik" -> Line::selisihKeuanganFisik;
            default -> Line::deviasiKeuangan;
        };
    }

    private Div tiles(RealisasiService.Deviasi dev, Function<Line, Double> value) {
        Optional<Line> t = dev.total();
        long red = dev.rows().stream()
                .filter(l -> thresholds.status(value.apply(l)) == Status.MERAH)
                .count();
        long yellow = dev.rows().stream()
                .filter(l -> thresholds.status(value.apply(l)) == Status.KUNING)
                .count();
        long green = dev.rows().stream()
                .filter(l -> thresholds.status(value.apply(l)) == Status.HIJAU)
                .count();
        return Tile.row(
                Tile.of(
                        "deviasi-tile-keuangan",
                        getTranslation("deviasi.tile.keuangan"),
                        t.map(l -> l.realisasiKeuangan() == null
                                        ? getTranslation("data.unavailable")
                                        : Formats.percent(l.realisasiKeuangan()))
                                .orElse("–"),
                        t.map(l -> l.realisasiKeuangan() == null
                                        ? getTranslation(
                                                "deviasi.tile.keuangan.unavailable",
                                                Formats.rupiah(l.realisasiRp()),
                                                missing.why("realisasi_keuangan", List.of(l)))
                                        : getTranslation(
                                                "deviasi.tile.keuangan.detail",
                                                Formats.rupiah(l.realisasiRp()),
                                                Formats.rupiah(l.anggaran()),
                                                Formats.signed(l.deviasiKeuangan())))
                                .orElse("")),
                Tile.of(
                        "deviasi-tile-fisik",
                        getTranslation("deviasi.tile.fisik"),
                        t.map(l -> l.realisasiFisik() == null
                                        ? getTranslation("data.unavailable")
                                        : Formats.percent(l.realisasiFisik()))
                                .orElse("–"),
                        t.map(l -> getTranslation(
                                        "deviasi.tile.fisik.detail",
                                        Formats.percent(l.rencanaFisik()),
                                        Formats.signed(l.deviasiFisik())))
                                .orElse("")),
                Tile.of(
                        "deviasi-tile-status",
                        getTranslation("deviasi.tile.status"),
                        red + " / " + yellow + " / " + green,
                        getTranslation(
                                "deviasi.tile.status.detail",
                                Formats.signed(thresholds.merah()),
                                Formats.signed(thresholds.kuning()))));
    }

    private DataGrid<Line> grid(List<Line> rows, Function<Line, Double> value) {
        DataGrid<Line> grid = new DataGrid<>("deviasi-grid");
        grid.column("kode", getTranslation("profile.col.kode"), Kind.TEXT, Line::opdKode);
        grid.column(
                        "opd",
                        getTranslation("akip.col.opd"),
                        Kind.TEXT,
                        Line::opd,
                        l -> ProfileLinks.anchor(l.opdKode(), l.opd(), tahun, pemdaParam()))
                .setFlexGrow(1)
                .setTooltipGenerator(Line::opdNama);
        grid.column("anggaran", getTranslation("deviasi.col.anggaran"), Kind.RUPIAH, Line::anggaran);
        grid.column(
                "rencana_keuangan", getTranslation("deviasi.col.rencanaKeuangan"), Kind.PERCENT, Line::rencanaKeuangan);
        grid.column(
                "realisasi_keuangan",
                getTranslation("deviasi.col.realisasiKeuangan"),
                Kind.PERCENT,
                Line::realisasiKeuangan);
        // where Sorot cannot compute realisasi keuangan (no anggaran), the source's own % is what there is
        if (rows.stream().anyMatch(l -> l.realisasiKeuangan() == null && l.realisasiKeuanganDilaporkan() != null)) {
            grid.column(
                    "realisasi_keuangan_dilaporkan",
                    getTranslation("deviasi.col.realisasiKeuanganDilaporkan"),
                    Kind.PERCENT,
                    Line::realisasiKeuanganDilaporkan);
            grid.column("realisasi_rp", getTranslation("deviasi.col.realisasiRp"), Kind.RUPIAH, Line::realisasiRp);
        }
        grid.column(
                "deviasi_keuangan",
                getTranslation("deviasi.col.deviasiKeuangan"),
                Kind.SIGNED,
                Line::deviasiKeuangan,
                l -> status(l.deviasiKeuangan(), "deviasi_keuangan", grid));
        grid.column("rencana_fisik", getTranslation("deviasi.col.rencanaFisik"), Kind.PERCENT, Line::rencanaFisik);
        grid.column(
                "realisasi_fisik", getTranslation("deviasi.col.realisasiFisik"), Kind.PERCENT, Line::realisasiFisik);
        grid.column(
                "deviasi_fisik",
                getTranslation("deviasi.col.deviasiFisik"),
                Kind.SIGNED,
                Line::deviasiFisik,
                l -> status(l.deviasiFisik(), "deviasi_fisik", grid));
        grid.column(
                "status",
                getTranslation("deviasi.col.status"),
                Kind.TEXT,
                l -> statusText(thresholds.status(value.apply(l))));
        grid.setRows(rows);
        missing.explain(grid, rows);
        return grid;
    }

    private String statusText(Status s) {
        return DeviasiCharts.statusText(s, this::getTranslation);
    }

    private Component status(Double deviasi, String column, DataGrid<Line> grid) {
        String why = deviasi == null ? grid.unavailableReason(column) : null;
        if (why != null) {
            Span s = new Span(getTranslation("data.unavailable"));
            s.getElement().setAttribute("title", why);
            return s;
        }
        Span s = new Span(Formats.signed(deviasi));
        Status st = thresholds.status(deviasi);
        if (st != null) {
            s.addClassNames("sorot-status", "s-" + st.name().toLowerCase(Locale.ROOT));
            s.getElement().setAttribute("title", statusText(st));
        }
        return s;
    }

    /** The triwulan curves of the chosen OPD (by default the first with a triwulan plan) or sub kegiatan. */
    private Panel curvePanel(String pemdaName, List<List<String>> withPlan) {
        Panel panel = new Panel("deviasi-triwulan-panel").source(getTranslation("triwulan.source"));
        if (withPlan.isEmpty()) {
            panel.heading(getTranslation("triwulan.title", "", ""), pemdaName + ", " + tahun);
            return panel.content(new Span(getTranslation("triwulan.none")));
        }
        List<String> kodes = withPlan.stream().map(l -> l.get(0)).toList();
        String opd = curveOpd != null && kodes.contains(curveOpd) ? curveOpd : kodes.getFirst();
        String opdName = withPlan.get(kodes.indexOf(opd)).get(1);
        String p = pemda();
        int y = tahun;
        String asked = curveSub;
        // the curve of the sub kegiatan in the URL is asked while its list is, and dropped if not in it
        var askedCurve = Parallel.async(() -> realisasi.curve(p, y, opd, asked));
        List<RealisasiService.Item> items = realisasi.items(pemda(), tahun, opd);
        Optional<RealisasiService.Item> sub = items.stream()
                .filter(i -> i.kode() != null && i.kode().equals(curveSub))
                .findFirst();

        Select<String> opdSelect = new Select<>();
        opdSelect.setId("triwulan-opd");
        opdSelect.setLabel(getTranslation("akip.col.opd"));
        opdSelect.setItems(kodes);
        opdSelect.setItemLabelGenerator(kd -> withPlan.get(kodes.indexOf(kd)).get(1));
        opdSelect.setValue(opd);
        opdSelect.addValueChangeListener(e -> {
            if (e.isFromClient()) navigate(state(tahun, measure.getValue(), thresholds, e.getValue(), null));
        });
        ComboBox<RealisasiService.Item> subSelect = new ComboBox<>();
        subSelect.setId("triwulan-sub");
        subSelect.setLabel(getTranslation("triwulan.sub"));
        subSelect.setPlaceholder(getTranslation("triwulan.sub.all", opdName));
        subSelect.setClearButtonVisible(true);
        subSelect.setWidth("28em");
        subSelect.setItems(items);
        subSelect.setItemLabelGenerator(i -> i.kode() + " " + i.subKegiatan());
        sub.ifPresent(subSelect::setValue);
        subSelect.addValueChangeListener(e -> {
            if (e.isFromClient())
                navigate(state(
                        tahun,
                        measure.getValue(),
                        thresholds,
                        opd,
                        e.getValue() == null ? null : e.getValue().kode()));
        });

        // the curve asked in advance is the one shown, unless the URL named a sub kegiatan this OPD lacks
        Optional<RealisasiService.Curve> curve =
                sub.isPresent() || asked == null ? askedCurve.join() : realisasi.curve(p, y, opd, null);
        String what = sub.map(i -> i.subKegiatan()).orElse(getTranslation("triwulan.sub.all", opdName));
        panel.heading(getTranslation("triwulan.title", opdName, what), pemdaName + ", " + tahun);
        Div controls = new Div(opdSelect, subSelect);
        controls.addClassName("sorot-controls");
        if (curve.isEmpty()) return panel.content(new Div(controls, new Span(getTranslation("triwulan.none"))));
        EChart chart = new EChart();
        chart.setId("triwulan-chart");
        chart.setHeight("300px");
        chart.setOption(TriwulanChart.option(curves(curve.get()), this::getTranslation));
        Span note = new Span(sub.map(i -> getTranslation(
                        "triwulan.note.sub",
                        i.program(),
                        i.kegiatan(),
                        Formats.rupiah(curve.get().pagu())))
                .orElse(getTranslation("triwulan.note.opd", curve.get().subKegiatan())));
        note.addClassName("sorot-note");
        return panel.content(new Div(controls, chart, note));
    }

    private static TriwulanChart.Curves curves(RealisasiService.Curve c) {
        return new TriwulanChart.Curves(
                c.triwulan(), c.targetKeuangan(), c.realisasiKeuangan(), c.targetFisik(), c.realisasiFisik());
    }
}
