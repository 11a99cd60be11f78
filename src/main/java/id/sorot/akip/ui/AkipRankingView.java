package id.sorot.akip.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import id.sorot.akip.AkipService;
import id.sorot.base.SorotProperties;
import id.sorot.base.ui.Formats;
import id.sorot.chart.EChart;
import id.sorot.chart.Palette;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AKIP ranking of all OPDs for a year: a bar chart sorted by nilai and coloured by predikat, the
 * ranking grid with change against the year before, and the headline figures. {@code ?tahun=} in
 * the URL holds the year, so a pasted link opens the same picture.
 */
@Route("akip")
@RouteAlias("")
class AkipRankingView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final AkipService akip;
    private final String pemda;
    private final Select<Integer> year = new Select<>();
    private final H2 title = new H2();
    private final Paragraph subtitle = new Paragraph();
    private final Div tiles = new Div();
    private final EChart chart = new EChart();
    private final Grid<AkipService.Row> grid = new Grid<>();
    private int shownYear;

    AkipRankingView(AkipService akip, SorotProperties properties) {
        this.akip = akip;
        this.pemda = properties.pemda();
        addClassName("sorot-view");
        setId("akip-ranking");

        year.setLabel(getTranslation("akip.year"));
        year.setId("akip-year");
        year.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UI.getCurrent()
                        .navigate(AkipRankingView.class, QueryParameters.of("tahun", String.valueOf(e.getValue())));
            }
        });
        HorizontalLayout header = new HorizontalLayout(new Div(title, subtitle), year);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.END);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        title.getStyle().set("margin", "0");

        tiles.addClassName("sorot-tiles");
        chart.setId("akip-chart");
        chart.setHeight("900px");

        grid.setId("akip-grid");
        grid.addColumn(AkipService.Row::rank)
                .setHeader(getTranslation("akip.col.rank"))
                .setWidth("7em")
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(AkipService.Row::opd)
                .setHeader(getTranslation("akip.col.opd"))
                .setFlexGrow(1)
                .setTooltipGenerator(AkipService.Row::opdNama);
        grid.addColumn(r -> Formats.decimal(r.nilai()))
                .setHeader(getTranslation("akip.col.nilai"))
                .setWidth("8em")
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addComponentColumn(r -> badge(r.predikat()))
                .setHeader(getTranslation("akip.col.predikat"))
                .setWidth("8em")
                .setFlexGrow(0);
        grid.addComponentColumn(r -> change(r.change()))
                .setHeader(getTranslation("akip.col.change"))
                .setWidth("9em")
                .setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.setAllRowsVisible(true);

        Span source = new Span(getTranslation("akip.source"));
        source.addClassName("sorot-source");
        add(header, tiles, chart, grid, source);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<Integer> years = akip.years(pemda);
        year.setItems(years);
        Integer wanted = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("tahun")
                .flatMap(AkipRankingView::parseYear)
                .filter(years::contains)
                .orElse(years.isEmpty() ? null : years.getFirst());
        if (wanted == null) {
            title.setText(getTranslation("akip.title"));
            subtitle.setText(getTranslation("akip.empty"));
            return;
        }
        year.setValue(wanted);
        show(akip.ranking(pemda, wanted));
    }

    private static java.util.Optional<Integer> parseYear(String s) {
        try {
            return java.util.Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("akip.title") + (shownYear > 0 ? " " + shownYear : "") + " · Sorot";
    }

    private void show(AkipService.Ranking ranking) {
        shownYear = ranking.tahun();
        title.setText(getTranslation("akip.title"));
        subtitle.setText(
                getTranslation("akip.subtitle", "Kota Bekasi", String.valueOf(ranking.tahun()), ranking.size()));
        tiles.removeAll();
        tiles.add(
                tile(
                        "akip-tile-a",
                        getTranslation("akip.tile.a"),
                        Formats.integer(ranking.countA()),
                        getTranslation(
                                "akip.tile.a.detail",
                                ranking.countA(),
                                ranking.size(),
                                Formats.percent(ranking.percentA()))),
                tile("akip-tile-mean", getTranslation("akip.tile.mean"), Formats.decimal(ranking.mean()), ""),
                tile(
                        "akip-tile-top",
                        getTranslation("akip.tile.top"),
                        ranking.rows().isEmpty()
                                ? "–"
                                : Formats.decimal(ranking.rows().getFirst().nilai()),
                        ranking.rows().isEmpty()
                                ? ""
                                : ranking.rows().getFirst().opd()));
        grid.setItems(ranking.rows());
        chart.setOption(chartOption(ranking));
    }

    private static Div tile(String id, String label, String value, String detail) {
        Div tile = new Div();
        tile.setId(id);
        tile.addClassName("sorot-tile");
        Div l = new Div(label);
        l.addClassName("label");
        Div v = new Div(value);
        v.addClassName("value");
        Div d = new Div(detail);
        d.addClassName("detail");
        tile.add(l, v, d);
        return tile;
    }

    private static Span badge(String predikat) {
        Span s = new Span(predikat == null ? "–" : predikat);
        if (predikat != null) s.addClassNames("sorot-badge", predikat);
        return s;
    }

    private static Span change(Double change) {
        Span s = new Span(change == null ? "–" : (change > 0 ? "▲ " : change < 0 ? "▼ " : "") + Formats.signed(change));
        if (change != null && change > 0) s.addClassName("sorot-up");
        if (change != null && change < 0) s.addClassName("sorot-down");
        return s;
    }

    /** Horizontal bars, best at the top; one stacked series per predikat so the legend explains the colours. */
    private Map<String, Object> chartOption(AkipService.Ranking ranking) {
        List<AkipService.Row> rows = new ArrayList<>(ranking.rows());
        java.util.Collections.reverse(rows);
        List<String> names = rows.stream().map(AkipService.Row::opd).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (String p : Palette.PREDIKAT_ORDER) {
            if (rows.stream().noneMatch(r -> p.equals(r.predikat()))) continue;
            List<Object> data = new ArrayList<>();
            for (AkipService.Row r : rows) {
                data.add(p.equals(r.predikat()) ? r.nilai() : null);
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", p);
            s.put("type", "bar");
            s.put("stack", "nilai");
            s.put("data", data);
            s.put("itemStyle", Map.of("color", Palette.PREDIKAT.get(p)));
            s.put("label", Map.of("show", true, "position", "right", "fontSize", 10));
            series.add(s);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put(
                "title",
                Map.of(
                        "text",
                        getTranslation("akip.chart.title", String.valueOf(ranking.tahun())),
                        "left",
                        "center",
                        "textStyle",
                        Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis", "axisPointer", Map.of("type", "shadow")));
        option.put("legend", Map.of("top", 28));
        option.put("grid", Map.of("left", 10, "right", 50, "top", 60, "bottom", 30, "containLabel", true));
        option.put(
                "xAxis",
                Map.of(
                        "type",
                        "value",
                        "min",
                        0,
                        "max",
                        100,
                        "name",
                        getTranslation("akip.chart.axis"),
                        "nameLocation",
                        "middle",
                        "nameGap",
                        24));
        option.put(
                "yAxis", Map.of("type", "category", "data", names, "axisLabel", Map.of("fontSize", 11, "interval", 0)));
        option.put("series", series);
        option.put("sorot", Map.of("decimals", 2));
        return option;
    }
}
