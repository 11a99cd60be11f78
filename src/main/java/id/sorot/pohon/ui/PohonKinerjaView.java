package id.sorot.pohon.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
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
import id.sorot.pohon.PohonKinerjaService.Health;
import id.sorot.pohon.PohonKinerjaService.Node;
import id.sorot.pohon.PohonKinerjaService.Tree;
import id.sorot.pohon.PohonKinerjaService.TreeOpd;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An OPD's pohon kinerja for a year: the tree drawn top down, coloured by capaian band with the key
 * written beside the colours; a click on a node shows its indicators, owner and health problems;
 * the same tree as an indented table and the cascade's health list, both exportable.
 * {@code /pohon-kinerja?opd=DINSOS&tahun=2025&tingkat=3&node=1.1.2}.
 */
@PermitAll
@Route("pohon-kinerja")
class PohonKinerjaView extends Dashboard {

    /** Levels drawn open when the URL asks for none: three rows of boxes fit a laptop screen. */
    static final int DEFAULT_DEPTH = 3;

    private final PohonKinerjaService pohon;
    private final OpdService opds;
    private final Select<TreeOpd> opd = new Select<>();
    private final Select<Integer> year = new Select<>();
    private final Select<Integer> depth = new Select<>();
    private final ComboBox<Node> search = new ComboBox<>();
    private final Panel nodePanel = new Panel("pohon-node-panel");
    private Tree tree;
    private TreeOpd chosen;
    private int shownDepth;

    PohonKinerjaView(PohonKinerjaService pohon, OpdService opds, SorotProperties properties) {
        super("pohon-kinerja", properties.pemda());
        this.pohon = pohon;
        this.opds = opds;
        filter(opd, "pohon-opd", "pohon.filter.opd", v -> navigate(state(v.singkatan(), null, shownDepth, null)));
        opd.setItemLabelGenerator(o -> o.singkatan() + " · " + o.nama());
        filter(year, "pohon-year", "filter.year", v -> navigate(state(chosen.singkatan(), v, shownDepth, null)));
        filter(
                depth,
                "pohon-depth",
                "pohon.filter.depth",
                v -> navigate(state(chosen.singkatan(), tree.tahun(), v, null)));
        depth.setItemLabelGenerator(d -> getTranslation("pohon.depth.item", d));
        filter(search, "pohon-search", "pohon.filter.search", v -> {
            if (v != null) navigate(state(chosen.singkatan(), tree.tahun(), shownDepth, v.kode()));
        });
        search.setItemLabelGenerator(
                n -> n.kode() + " · " + n.jabatan() + (n.sasaran() == null ? "" : " · " + n.sasaran()));
        search.setPlaceholder(getTranslation("pohon.search.placeholder"));
        search.setClearButtonVisible(true);
        search.setWidth("22em");
        controls(opd, year, depth, search);
    }

    private QueryParameters state(String opdKode, Integer tahun, Integer tingkat, String node) {
        return UrlState.of("opd", opdKode, "tahun", tahun, "tingkat", tingkat, "node", node, "pemda", pemdaParam());
    }

    @Override
    protected void show(QueryParameters params, BeforeEnterEvent event) {
        String pemdaName = opds.directory().pemdaName(pemda());
        List<TreeOpd> withTrees = pohon.opds(pemda());
        if (withTrees.isEmpty()) {
            heading(getTranslation("pohon.title"), getTranslation("pohon.empty", pemdaName));
            opd.setItems(List.of());
            return;
        }
        String asked = UrlState.text(params, "opd").orElse(null);
        chosen = withTrees.stream()
                .filter(o -> o.singkatan().equalsIgnoreCase(String.valueOf(asked))
                        || o.kode().equals(asked))
                .findFirst()
                .orElse(withTrees.getFirst());
        opd.setItems(withTrees);
        opd.setValue(chosen);
        Integer tahun = year(params, year, chosen.years());
        tree = pohon.tree(pemda(), chosen.kode(), tahun);
        about(pemdaName, tahun);
        int max = tree.maxDepth();
        shownDepth =
                Math.max(1, Math.min(max, UrlState.integer(params, "tingkat").orElse(DEFAULT_DEPTH)));
        depth.setItems(IntStream.rangeClosed(1, max).boxed().toList());
        depth.setValue(shownDepth);
        search.setItems(new ArrayList<>(tree.nodes().values()));
        String focus =
                UrlState.text(params, "node").filter(tree.nodes()::containsKey).orElse(null);
        if (focus != null) search.setValue(tree.nodes().get(focus));

        Health health = PohonKinerjaService.health(tree);
        String context = chosen.singkatan() + ", " + pemdaName + ", " + tahun;
        heading(
                getTranslation("pohon.title.of", chosen.nama()),
                getTranslation(
                        "pohon.subtitle",
                        pemdaName,
                        String.valueOf(tahun),
                        tree.nodes().size(),
                        tree.indicatorCount(),
                        max));
        content(tiles(health));

        EChart chart = new EChart();
        chart.setId("pohon-chart");
        // the browser sizes the chart to what is open, on first drawing and after every click
        chart.setOption(PohonCharts.option(tree, shownDepth, focus, this::getTranslation));
        chart.addClickListener(e -> {
            if (e.id() != null && tree.nodes().containsKey(e.id())) select(e.id());
        });
        Div scroller = new Div(chart);
        scroller.addClassName("sorot-scroll-x");
        scroller.setId("pohon-chart-scroll");
        Panel chartPanel = new Panel("pohon-chart-panel")
                .heading(getTranslation("pohon.chart.title", chosen.singkatan(), String.valueOf(tahun)), context)
                .source(getTranslation("pohon.source"))
                .content(new Div(PohonKey.of(tree.bands(), this::getTranslation), scroller));
        showNode(focus != null ? focus : tree.roots().getFirst().kode(), context);
        content(chartPanel, nodePanel, tablePanel(context), healthPanel(health, context));
    }

    private Div tiles(Health health) {
        return Tile.row(
                Tile.of(
                        "pohon-tile-nodes",
                        getTranslation("pohon.tile.nodes"),
                        Formats.integer(tree.nodes().size()),
                        getTranslation("pohon.tile.nodes.detail", tree.maxDepth())),
                Tile.of(
                        "pohon-tile-indicators",
                        getTranslation("pohon.tile.indicators"),
                        Formats.integer(tree.indicatorCount()),
                        getTranslation(
                                "pohon.tile.indicators.detail",
                                tree.nodes().values().stream()
                                        .mapToLong(Node::targets)
                                        .sum())),
                Tile.of(
                        "pohon-tile-health",
                        getTranslation("pohon.tile.health"),
                        health.score() == null ? "–" : Formats.decimal(health.score()),
                        getTranslation(
                                "pohon.tile.health.detail", health.problems().size(), health.checks())));
    }

    /** The node a click or the URL names: its panel, and the URL (without redrawing the tree). */
    private void select(String kode) {
        showNode(kode, nodePanel.subtitle());
        UI.getCurrent()
                .getPage()
                .getHistory()
                .replaceState(
                        null,
                        RouteConfiguration.forSessionScope().getUrl(PohonKinerjaView.class)
                                + "?"
                                + state(chosen.singkatan(), tree.tahun(), shownDepth, kode)
                                        .getQueryString());
    }

    private void showNode(String kode, String context) {
        Node n = tree.nodes().get(kode);
        Node parent = n.parent() == null ? null : tree.nodes().get(n.parent());
        Div facts = new Div();
        facts.addClassName("sorot-facts");
        facts.setId("pohon-node-facts");
        fact(
                facts,
                "pohon.node.level",
                getTranslation("pohon.level." + n.level().code()));
        fact(facts, "pohon.node.owner", n.jabatan());
        fact(facts, "pohon.node.sasaran", n.sasaran() == null ? getTranslation("pohon.node.noSasaran") : n.sasaran());
        fact(facts, "pohon.node.parent", parent == null ? "–" : parent.kode() + " · " + parent.jabatan());
        fact(facts, "pohon.node.children", Formats.integer(n.children().size()));
        fact(facts, "pohon.node.subKegiatan", getTranslation("pohon.node.subKegiatan.none"));
        List<String> problems = new ArrayList<>();
        if (n.indikator().isEmpty()) problems.add(getTranslation("pohon.check.node_without_indicator"));
        long withoutTarget =
                n.indikator().stream().filter(i -> i.targetTeks() == null).count();
        if (withoutTarget > 0) problems.add(getTranslation("pohon.node.withoutTarget", withoutTarget));
        fact(
                facts,
                "pohon.node.health",
                problems.isEmpty() ? getTranslation("pohon.node.healthy") : String.join("; ", problems));

        DataGrid<PohonKinerjaService.Indikator> grid = new DataGrid<>("pohon-node-grid");
        grid.column("no", "No", Kind.INTEGER, PohonKinerjaService.Indikator::no).setFlexGrow(0);
        grid.column("indikator", getTranslation("pohon.col.indikator"), Kind.TEXT, PohonKinerjaService.Indikator::nama)
                .setFlexGrow(3);
        grid.column(
                "target",
                getTranslation("pohon.col.target"),
                Kind.TEXT,
                i -> i.targetTeks() == null ? getTranslation("pohon.noTarget") : i.targetTeks());
        grid.column(
                "jenis",
                getTranslation("pohon.col.kind"),
                Kind.TEXT,
                i -> i.jenisTarget() == null ? "–" : getTranslation("pohon.kind." + i.jenisTarget()));
        grid.column(
                "capaian", getTranslation("pohon.col.capaian"), Kind.DECIMAL, PohonKinerjaService.Indikator::capaian);
        grid.unavailable("capaian", getTranslation("pohon.capaian.none"));
        grid.column(
                        "iku",
                        getTranslation("pohon.col.iku"),
                        Kind.TEXT,
                        i -> i.iku() == null
                                ? getTranslation("pohon.iku.none")
                                : i.similar() ? getTranslation("pohon.iku.similar", i.iku()) : i.iku())
                .setFlexGrow(2);
        grid.setRows(n.indikator());
        grid.setAllRowsVisible(true);
        nodePanel
                .heading(getTranslation("pohon.node.title", n.kode(), n.jabatan()), context)
                .source(getTranslation("pohon.source"))
                .content(new Div(facts, grid));
    }

    private void fact(Div facts, String key, String value) {
        Span label = new Span(getTranslation(key));
        label.addClassName("label");
        Span text = new Span(value);
        text.addClassName("value");
        Div row = new Div(label, text);
        row.addClassName("fact");
        facts.add(row);
    }

    /** The whole tree as an indented table, one row per indicator (a node without one has one row). */
    private Panel tablePanel(String context) {
        record Row(Node node, PohonKinerjaService.Indikator indikator) {}
        List<Row> rows = new ArrayList<>();
        for (Node n : tree.nodes().values()) {
            if (n.indikator().isEmpty()) rows.add(new Row(n, null));
            for (PohonKinerjaService.Indikator i : n.indikator()) rows.add(new Row(n, i));
        }
        DataGrid<Row> grid = new DataGrid<>("pohon-table");
        grid.column(
                        "kode",
                        getTranslation("pohon.col.kode"),
                        Kind.TEXT,
                        r -> r.node().kode(),
                        r -> {
                            Span s = new Span(r.node().kode());
                            s.getStyle().set("padding-left", (r.node().depth() - 1) + "em");
                            return s;
                        })
                .setFlexGrow(0);
        grid.column(
                        "tingkat",
                        getTranslation("pohon.col.level"),
                        Kind.TEXT,
                        r -> getTranslation("pohon.level." + r.node().level().code()))
                .setFlexGrow(0);
        grid.column("jabatan", getTranslation("pohon.col.jabatan"), Kind.TEXT, r -> r.node()
                        .jabatan())
                .setFlexGrow(2);
        grid.column("sasaran", getTranslation("pohon.col.sasaran"), Kind.TEXT, r -> r.node()
                        .sasaran())
                .setFlexGrow(3);
        grid.column(
                        "indikator",
                        getTranslation("pohon.col.indikator"),
                        Kind.TEXT,
                        r -> r.indikator() == null ? null : r.indikator().nama())
                .setFlexGrow(3);
        grid.column(
                "target",
                getTranslation("pohon.col.target"),
                Kind.TEXT,
                r -> r.indikator() == null ? null : r.indikator().targetTeks());
        grid.setRows(rows);
        grid.setHeight("420px");
        return new Panel("pohon-table-panel")
                .heading(getTranslation("pohon.table.title"), context)
                .source(getTranslation("pohon.source"))
                .content(grid);
    }

    private Panel healthPanel(Health health, String context) {
        DataGrid<PohonKinerjaService.Problem> grid = new DataGrid<>("pohon-health");
        grid.column("kode", getTranslation("pohon.col.kode"), Kind.TEXT, PohonKinerjaService.Problem::kode)
                .setFlexGrow(0);
        grid.column("jabatan", getTranslation("pohon.col.jabatan"), Kind.TEXT, PohonKinerjaService.Problem::jabatan)
                .setFlexGrow(2);
        grid.column(
                        "masalah",
                        getTranslation("pohon.col.problem"),
                        Kind.TEXT,
                        p -> getTranslation("pohon.check." + p.check().name().toLowerCase(java.util.Locale.ROOT)))
                .setFlexGrow(2);
        grid.column(
                        "indikator",
                        getTranslation("pohon.col.indikator"),
                        Kind.TEXT,
                        PohonKinerjaService.Problem::indikator)
                .setFlexGrow(3);
        grid.setRows(health.problems());
        grid.setHeight("320px");
        List<String> counts = new ArrayList<>();
        health.counts()
                .forEach((c, n) -> counts.add(
                        getTranslation("pohon.check." + c.name().toLowerCase(java.util.Locale.ROOT)) + ": " + n));
        return new Panel("pohon-health-panel")
                .heading(getTranslation("pohon.health.title"), context + " · " + String.join(" · ", counts))
                .source(getTranslation("pohon.health.source"))
                .content(grid);
    }
}
