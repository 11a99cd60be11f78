package id.sorot.akip.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import id.sorot.akip.AkipService;
import id.sorot.base.Parallel;
import id.sorot.base.SorotProperties;
import id.sorot.base.ui.Badge;
import id.sorot.base.ui.DataGrid;
import id.sorot.base.ui.DataGrid.Kind;
import id.sorot.base.ui.Formats;
import id.sorot.base.ui.Panel;
import id.sorot.base.ui.ProfileLinks;
import id.sorot.base.ui.PublicPortal;
import id.sorot.base.ui.Sparkline;
import id.sorot.base.ui.Tile;
import id.sorot.base.ui.UrlState;
import id.sorot.chart.EChart;
import id.sorot.dashboard.Dashboard;
import id.sorot.opd.OpdService;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The AKIP ranking of all OPDs for a year: headline tiles, bars sorted by nilai and coloured by
 * predikat, the predikat distribution over the years, and the ranking grid with change and a
 * 2021-2024 sparkline. The URL holds year and filters ({@code ?tahun=2024&jenis=kecamatan&predikat=A}).
 */
@PermitAll
@Route("akip")
@RouteAlias("")
class AkipRankingView extends Dashboard {

    private final AkipService akip;
    private final OpdService opds;
    private final Select<Integer> year = new Select<>();
    private final MultiSelectComboBox<String> jenis = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<String> predikat = new MultiSelectComboBox<>();
    private final Button weak = new Button();
    private Integer tahun;

    AkipRankingView(AkipService akip, OpdService opds, SorotProperties properties) {
        super("akip-ranking", properties.pemda());
        this.akip = akip;
        this.opds = opds;

        filter(year, "akip-year", "filter.year", v -> navigate(state(v, jenis.getValue(), predikat.getValue())));
        filter(jenis, "akip-jenis", "filter.jenis", v -> navigate(state(tahun, v, predikat.getValue())));
        jenis.setItemLabelGenerator(j -> getTranslation("jenis." + j));
        jenis.setPlaceholder(getTranslation("filter.all"));
        filter(predikat, "akip-predikat", "filter.predikat", v -> navigate(state(tahun, jenis.getValue(), v)));
        predikat.setItems(akip.predikatLabels());
        predikat.setPlaceholder(getTranslation("filter.all"));
        weak.setText(getTranslation("akip.weak.open"));
        weak.setId("akip-open-weak");
        weak.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        weak.addClickListener(e -> getUI().ifPresent(
                        ui -> ui.navigate(WeakPredikatView.class, UrlState.of("tahun", tahun, "pemda", pemdaParam()))));
        weak.setVisible(PublicPortal.reaches("akip/lemah"));
        controls(year, jenis, predikat, weak);
    }

    private QueryParameters state(Integer tahun, Set<String> jenis, Set<String> predikat) {
        return UrlState.of(
                "tahun", tahun, "jenis", sorted(jenis), "predikat", sortedPredikat(predikat), "pemda", pemdaParam());
    }

    private static List<String> sorted(Set<String> values) {
        List<String> l = new ArrayList<>(values);
        Collections.sort(l);
        return l;
    }

    private List<String> sortedPredikat(Set<String> values) {
        return akip.predikatLabels().stream().filter(values::contains).toList();
    }

    @Override
    protected void show(QueryParameters params, BeforeEnterEvent event) {
        String pemdaName = opds.directory().pemdaName(pemda());
        tahun = yearShown(params, year, akip.years(pemda()), pemdaName, "akip.title", "akip.empty");
        if (tahun == null) return;
        String p = pemda();
        var trend = Parallel.async(() -> akip.trend(p));
        List<String> askedJenis = UrlState.list(params, "jenis");
        var distribution = Parallel.async(() -> akip.distribution(p, askedJenis));
        AkipService.Ranking all = akip.ranking(pemda(), tahun);
        Set<String> jenisSeen = new LinkedHashSet<>();
        all.rows().forEach(r -> jenisSeen.add(r.jenis()));
        jenis.setItems(jenisSeen.stream().sorted().toList());
        List<String> wantedJenis =
                askedJenis.stream().filter(jenisSeen::contains).toList();
        List<String> wantedPredikat = UrlState.list(params, "predikat").stream()
                .filter(akip.predikatLabels()::contains)
                .toList();
        jenis.setValue(new LinkedHashSet<>(wantedJenis));
        predikat.setValue(new LinkedHashSet<>(wantedPredikat));
        AkipService.Filter filter = new AkipService.Filter(wantedJenis, wantedPredikat);
        AkipService.Ranking ranking = filter.isAll() ? all : akip.ranking(pemda(), tahun, filter);

        String filters = describe(filter);
        heading(
                getTranslation("akip.title"),
                getTranslation("akip.subtitle", pemdaName, String.valueOf(tahun), ranking.evaluated())
                        + (ranking.withoutNilai() == 0
                                ? ""
                                : " · " + getTranslation("akip.withoutNilai", ranking.withoutNilai()))
                        + (filters.isEmpty() ? "" : " · " + filters));
        String context = pemdaName + ", " + tahun + (filters.isEmpty() ? "" : " · " + filters);

        content(tiles(ranking, pemdaName));
        if (ranking.rows().isEmpty()) {
            Span none = new Span(getTranslation("akip.filtered.none"));
            none.setId("akip-none");
            content(none);
            return;
        }
        Panel barsPanel = new Panel("akip-chart-panel")
                .heading(getTranslation("akip.chart.title", String.valueOf(tahun)), context)
                .source(getTranslation("akip.source"));
        if (ranking.rows().stream().allMatch(r -> r.nilai() == null)) {
            // a predikat-only list: no bar has a length, so say so instead of drawing empty bars
            Span none = new Span(getTranslation("akip.chart.noNilai"));
            none.setId("akip-chart-unavailable");
            barsPanel.content(none);
        } else {
            EChart bars = new EChart();
            bars.setId("akip-chart");
            bars.setHeight(Math.max(260, 60 + 19 * ranking.size()) + "px");
            bars.setOption(AkipCharts.bars(ranking, this::getTranslation));
            bars.addClickListener(e -> {
                if (e.id() != null) ProfileLinks.open(e.id(), tahun, pemdaParam());
            });
            barsPanel.content(bars);
        }

        // unknown jenis in the URL are ignored here as in the ranking
        AkipService.Distribution dist =
                wantedJenis.equals(askedJenis) ? distribution.join() : akip.distribution(pemda(), wantedJenis);
        EChart distChart = new EChart();
        distChart.setId("akip-distribution");
        distChart.setHeight("320px");
        distChart.setOption(AkipCharts.distribution(dist, this::getTranslation));
        Panel distPanel = new Panel("akip-distribution-panel")
                .heading(
                        getTranslation("akip.distribution.title"),
                        pemdaName
                                + (wantedJenis.isEmpty()
                                        ? ""
                                        : " · " + describe(new AkipService.Filter(wantedJenis, List.of()))))
                .source(getTranslation("akip.source"))
                .content(distChart);

        Panel gridPanel = new Panel("akip-grid-panel")
                .heading(getTranslation("akip.grid.title", String.valueOf(tahun)), context)
                .source(getTranslation("akip.source"))
                .content(grid(ranking, trend.join()));

        content(columns(barsPanel, new Div(distPanel, gridPanel)));
    }

    private String describe(AkipService.Filter filter) {
        List<String> parts = new ArrayList<>();
        if (!filter.jenis().isEmpty())
            parts.add(String.join(
                    ", ",
                    filter.jenis().stream()
                            .map(j -> getTranslation("jenis." + j))
                            .toList()));
        if (!filter.predikat().isEmpty())
            parts.add(getTranslation("filter.predikat") + " " + String.join(", ", filter.predikat()));
        return String.join(" · ", parts);
    }

    private Div tiles(AkipService.Ranking r, String pemdaName) {
        List<AkipService.Row> fell = r.fell();
        String fellNames = fell.stream()
                .map(x -> x.opd() + " " + x.previousPredikat() + "→" + x.predikat())
                .reduce((a, b) -> a + ", " + b)
                .orElse(getTranslation("akip.tile.fell.none"));
        String pemdaValue = r.pemda()
                .map(p -> p.nilai() == null ? p.predikat() : Formats.decimal(p.nilai()))
                .orElse("–");
        String pemdaDetail = r.pemda()
                .map(p -> getTranslation("akip.tile.pemda.detail", p.predikat(), Formats.signed(p.change())))
                .orElse(getTranslation("akip.tile.pemda.none"));
        return Tile.row(
                Tile.of(
                        "akip-tile-a",
                        getTranslation("akip.tile.a"),
                        Formats.integer(r.countA()),
                        getTranslation("akip.tile.a.detail", r.countA(), r.size(), Formats.percent(r.percentA()))),
                r.mean() == null && r.withoutNilai() > 0
                        ? Tile.of(
                                "akip-tile-mean",
                                getTranslation("akip.tile.mean"),
                                getTranslation("data.unavailable"),
                                getTranslation("akip.noNilai"))
                        : Tile.of(
                                "akip-tile-mean",
                                getTranslation("akip.tile.mean"),
                                Formats.decimal(r.mean()),
                                getTranslation("akip.tile.median", Formats.decimal(r.median()))),
                Tile.of("akip-tile-pemda", getTranslation("akip.tile.pemda", pemdaName), pemdaValue, pemdaDetail),
                Tile.of("akip-tile-fell", getTranslation("akip.tile.fell"), Formats.integer(fell.size()), fellNames));
    }

    private DataGrid<AkipService.Row> grid(AkipService.Ranking ranking, AkipService.Trend trend) {
        DataGrid<AkipService.Row> grid = new DataGrid<>("akip-grid");
        grid.column("peringkat", getTranslation("akip.col.rank"), Kind.INTEGER, AkipService.Row::rank);
        grid.column(
                        "opd",
                        getTranslation("akip.col.opd"),
                        Kind.TEXT,
                        AkipService.Row::opd,
                        r -> ProfileLinks.anchor(r.opdKode(), r.opd(), tahun, pemdaParam()))
                .setFlexGrow(1)
                .setTooltipGenerator(AkipService.Row::opdNama);
        grid.column("jenis", getTranslation("akip.col.jenis"), Kind.TEXT, r -> getTranslation("jenis." + r.jenis()))
                .setWidth("7.5rem")
                .setFlexGrow(0);
        grid.column("nilai", getTranslation("akip.col.nilai"), Kind.DECIMAL, AkipService.Row::nilai);
        grid.column(
                        "predikat",
                        getTranslation("akip.col.predikat"),
                        Kind.TEXT,
                        AkipService.Row::predikat,
                        r -> Badge.predikat(r.predikat()))
                .setFlexGrow(0);
        grid.column(
                "perubahan",
                getTranslation("akip.col.change"),
                Kind.SIGNED,
                AkipService.Row::change,
                r -> Badge.change(r.change()));
        // one scale for every row, from the lowest to the highest nilai of any year, so lines compare
        double lo = trend.nilai().values().stream()
                .flatMap(List::stream)
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(0);
        double hi = trend.nilai().values().stream()
                .flatMap(List::stream)
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(100);
        String span = trend.years().isEmpty()
                ? ""
                : trend.years().getFirst() + "–" + trend.years().getLast();
        grid.screenOnly("tren", getTranslation("akip.col.trend", span), r -> {
                    List<Double> line = trend.nilai().getOrDefault(r.opdKode(), List.of());
                    StringBuilder label = new StringBuilder(r.opd());
                    for (int i = 0; i < line.size(); i++)
                        label.append(i == 0 ? ": " : ", ")
                                .append(trend.years().get(i))
                                .append(' ')
                                .append(Formats.decimal(line.get(i)));
                    return Sparkline.of(line, lo, hi, label.toString());
                })
                .setWidth("7rem")
                .setFlexGrow(0);
        if (ranking.withoutNilai() > 0) {
            // wide enough for the words "tidak tersedia", not only for a number
            grid.getColumnByKey("nilai").setWidth("9.5rem");
            grid.unavailable("nilai", getTranslation("akip.noNilai"));
            grid.unavailable("perubahan", getTranslation("akip.noNilai"));
        }
        grid.setRows(ranking.rows());
        return grid;
    }
}
